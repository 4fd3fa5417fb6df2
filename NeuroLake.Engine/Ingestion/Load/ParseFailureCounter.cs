using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Counts the rows that failed to parse inside the write's own pass, so the source is read once: a sequence of the
/// shared database advances only in the CASE branch that failed rows take (DuckDB evaluates a branch for the rows that
/// take it and no others), and its last value is the count. The write runs on its own connection, hence a named
/// sequence rather than a temporary one; it is dropped on dispose.
/// </summary>
internal sealed class ParseFailureCounter : IDisposable
{
    private readonly DuckDbDatabase _duckDb;
    private readonly string _name = "nl_parse_failures_" + Guid.NewGuid().ToString("N");

    private ParseFailureCounter(DuckDbDatabase duckDb)
    {
        _duckDb = duckDb;
        using var connection = duckDb.Connect();
        connection.Execute($"CREATE SEQUENCE {_name}");
    }

    public static ParseFailureCounter Create(DuckDbDatabase duckDb) => new(duckDb);

    /// <summary>WHERE predicate over a <see cref="SourceSelect"/>: keeps the rows that parsed and counts the others.</summary>
    public string KeepParsed => $"CASE WHEN {SourceSelect.ParseFailedColumn} THEN nextval('{_name}') < 0 ELSE true END";

    /// <summary>Rows the predicate left out so far.</summary>
    public long Count()
    {
        using var connection = _duckDb.Connect();
        var last = connection.ExecuteScalar($"SELECT last_value FROM duckdb_sequences() WHERE sequence_name = '{_name}'");
        return last is null or DBNull ? 0 : SqlValue.ToInt64(last);
    }

    public void Dispose()
    {
        using var connection = _duckDb.Connect();
        connection.Execute($"DROP SEQUENCE IF EXISTS {_name}");
    }
}
