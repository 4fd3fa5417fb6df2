using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// When a load reads its source once: the write itself checks every value and counts the rows it leaves out
/// (<see cref="ParseFailureCounter"/>), and the quarantine pass runs only when some row failed. A merge (its source is
/// joined, not only scanned) and <see cref="BadRowPolicy.Fail"/> (nothing may be written when a row fails) count first.
/// </summary>
internal static class OnePass
{
    public static bool Fits(LoadRequest request) =>
        request.Mode is LoadMode.NewTable or LoadMode.Append or LoadMode.Overwrite && request.BadRows != BadRowPolicy.Fail;

    /// <summary>Whether one row parses, reading only until the first: a new table is not created for a file with none.</summary>
    public static bool AnyRowParses(DuckDbDatabase duckDb, string select, CancellationToken ct)
    {
        using var connection = duckDb.Connect();
        try
        {
            return connection.ExecuteScalar($"SELECT 1 FROM ({select}) WHERE NOT {SourceSelect.ParseFailedColumn} LIMIT 1", ct) is not (null or DBNull);
        }
        catch (DuckDbException e)
        {
            throw Unreadable(e);
        }
    }

    /// <summary>Runs the write; a source DuckDB cannot read is reported as such, without the table's folder.</summary>
    public static async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (InvalidTableOperationException e) when (e.InnerException is DuckDbException duck && !ct.IsCancellationRequested)
        {
            throw Unreadable(duck);
        }
    }

    public static IngestionException Unreadable(DuckDbException e) =>
        new($"The source could not be read: {e.Message.Split('\n', 2)[0]}. Check the file and the detected dialect.", e);
}
