using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Reads;

/// <summary>
/// Where DuckDB finds a table's files, per file: in place when the store has a local path for it (no copy), in the
/// store's <see cref="FileCache"/> otherwise (a remote store, or a local table's file placed in a tier). SQL naming cached paths is only valid while a <see cref="FileLease"/> over those files is held.
/// </summary>
public static class TableFiles
{
    /// <summary>The local path DuckDB reads <paramref name="key"/> from.</summary>
    /// <exception cref="NotSupportedException">A remote store without a cache.</exception>
    public static string LocalPath(IObjectStore store, string key) =>
        store.GetLocalPath(key) ?? CacheOf(store).PathOf(store.Location, key);

    /// <summary>The key of a file of the log (relative or a <c>file:</c> URI inside a local table).</summary>
    public static string KeyOf(IObjectStore store, string logPath) => FilePaths.ToKey(logPath, store.GetLocalPath(""));

    /// <summary>Pins the local copies of <paramref name="files"/> (fetched first where missing); a local store's files need nothing.</summary>
    public static Task<FileLease> LeaseAsync(IObjectStore store, IEnumerable<AddFile> files, CancellationToken ct) =>
        LeaseAsync(store, files.Select(f => new CachedObjectRequest(KeyOf(store, f.Path), f.Size)), ct);

    /// <summary>Pins every live file of <paramref name="snapshot"/>, for a statement that reads it.</summary>
    public static Task<FileLease> LeaseAsync(Snapshot snapshot, CancellationToken ct) => LeaseAsync(snapshot.Store, snapshot.Files, ct);

    /// <summary>
    /// Pins the local copies of <paramref name="objects"/> that have no local path (decided per file: a local table's
    /// files moved to a tier are read through the cache, the rest in place); files read in place need nothing.
    /// </summary>
    public static async Task<FileLease> LeaseAsync(IObjectStore store, IEnumerable<CachedObjectRequest> objects, CancellationToken ct)
    {
        var list = objects.Where(o => store.GetLocalPath(o.Key) is null).ToList();
        return list.Count == 0 ? FileLease.None : await CacheOf(store).LeaseAsync(store, list, ct).ConfigureAwait(false);
    }

    private static FileCache CacheOf(IObjectStore store) => store.Cache ?? throw new NotSupportedException(
        $"The table at '{store.Location}' is on a remote store opened without a local file cache, which DuckDB needs to read it. Open it through the ObjectStoreFactory of a host with NeuroLake:Storage:Cache configured.");
}
