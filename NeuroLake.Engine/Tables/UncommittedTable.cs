using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Log;

namespace NeuroLake.Engine.Tables;

/// <summary>
/// What a new table's writer left when it failed or was cancelled before the first commit: data files no log names.
/// Removed through the store, so a folder and an S3 prefix are cleaned alike; a location with a log is a table and stays.
/// </summary>
public static class UncommittedTable
{
    /// <summary>True when nothing is stored at the store's root yet (no folder, no objects): a failed first write may remove what it wrote.</summary>
    public static async Task<bool> IsVacantAsync(IObjectStore store, CancellationToken ct) => store.GetLocalPath("") is { } folder
        ? !Directory.Exists(folder)
        : (await store.ListAsync("", null, ct).ConfigureAwait(false)).Count == 0;

    /// <summary>Deletes the store's files (and a local root folder) unless it holds a transaction log. Never cancelled: it runs after a failure.</summary>
    public static async Task DiscardAsync(IObjectStore store)
    {
        if (store.GetLocalPath("") is { } folder)
        {
            if (Directory.Exists(folder) && !Directory.Exists(Path.Combine(folder, LogFileName.LogFolder)))
            {
                Directory.Delete(folder, recursive: true);
            }

            return;
        }

        var objects = await store.ListAsync("", null, CancellationToken.None).ConfigureAwait(false);
        if (objects.Any(o => o.Key.StartsWith(LogFileName.LogFolder, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var o in objects)
        {
            await store.DeleteAsync(o.Key, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
