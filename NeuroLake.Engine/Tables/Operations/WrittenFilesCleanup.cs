using System.Text.Json.Nodes;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>Drops files with no rows from a write (DuckDB may write an empty file for an empty result).</summary>
internal static class WrittenFilesCleanup
{
    public static async Task<WrittenFiles> DropEmptyAsync(IObjectStore store, WrittenFiles written, CancellationToken ct)
    {
        var kept = new List<AddFile>();
        foreach (var file in written.Files)
        {
            if (RecordCount(file) == 0)
            {
                await store.DeleteAsync(FilePaths.ToKey(file.Path, store.GetLocalPath("")), ct).ConfigureAwait(false);
            }
            else
            {
                kept.Add(file);
            }
        }

        return kept.Count == written.Files.Count ? written : new WrittenFiles(kept, written.Rows, kept.Sum(f => f.Size));
    }

    public static long? RecordCount(AddFile file) =>
        file.Stats is { } stats && JsonNode.Parse(stats)?["numRecords"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
