using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Log;

/// <summary>
/// Reads a classic (single or multi-part) Parquet checkpoint through DuckDB: every row becomes a JSON object
/// whose one non-null column is the action, parsed by the same code as commit lines. Checkpoints of remote tables are
/// read from the local file cache (the size listed in the log folder tells a stale copy).
/// </summary>
internal static class CheckpointReader
{
    public static async Task<List<DeltaAction>> ReadAsync(DuckDbDatabase duckDb, IObjectStore store, IReadOnlyList<LogFileName> parts, CancellationToken ct)
    {
        using var lease = await TableFiles.LeaseAsync(store, parts.Select(p => new CachedObjectRequest(p.Key, p.Size)), ct).ConfigureAwait(false);
        return Read(duckDb, store, parts);
    }

    private static List<DeltaAction> Read(DuckDbDatabase duckDb, IObjectStore store, IReadOnlyList<LogFileName> parts)
    {
        var paths = parts.Select(p => TableFiles.LocalPath(store, p.Key)).ToList();
        var list = string.Join(", ", paths.Select(Sql.Literal));
        using var connection = duckDb.ConnectTracked();
        List<byte[]> rows;
        List<AddFile> adds;
        try
        {
            // Add actions (nearly all rows) are read as typed columns; the few other actions as JSON.
            rows = [];
            try
            {
                adds = CheckpointAddReader.Read(connection, $"[{list}]", rows);
            }
            catch (DuckDbException e) when (e.Message.Contains("add", StringComparison.Ordinal))
            {
                // A checkpoint without an add column (a table that never had files): every row as JSON.
                adds = [];
                rows = DuckDbRows.QueryJson(connection, $"SELECT * FROM read_parquet([{list}], union_by_name = true)");
            }
        }
        catch (Exception e) when (e is DuckDbException or ActionFormatException)
        {
            throw new CorruptTableException(
                $"The checkpoint '{parts[0].Key}' in '{store.Location}' cannot be read: {e.Message}. Delete the damaged checkpoint file; the table is then read from its JSON commits.", e);
        }

        var actions = new List<DeltaAction>(rows.Count + adds.Count);
        foreach (var row in rows)
        {
            try
            {
                if (ActionReader.ParseLine(row) is { } action)
                {
                    actions.Add(action);
                }
            }
            catch (ActionFormatException e)
            {
                throw new CorruptTableException($"The checkpoint '{parts[0].Key}' in '{store.Location}' holds a malformed action: {e.Message}.", e);
            }
        }

        actions.AddRange(adds);
        return actions;
    }
}
