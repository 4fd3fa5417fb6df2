using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// The first rows of a source, as read, in a temporary table on one connection: inference, quality and
/// PII work on it instead of the whole file. Dispose drops the table.
/// </summary>
public sealed class SourceSample : IDisposable
{
    public const int DefaultRows = 20_000;

    private readonly DuckDbConnection _connection;

    private SourceSample(DuckDbConnection connection, string tableName, long rowCount, bool coversSource)
    {
        _connection = connection;
        TableName = tableName;
        RowCount = rowCount;
        CoversSource = coversSource;
    }

    /// <summary>Name of the temporary table (already a valid identifier).</summary>
    public string TableName { get; }

    public long RowCount { get; }

    /// <summary>True when the source has no more rows than the sample.</summary>
    public bool CoversSource { get; }

    /// <exception cref="IngestionException">DuckDB could not read the rows with the detected dialect.</exception>
    public static SourceSample Create(DuckDbConnection connection, DetectedSource source, int rows = DefaultRows, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var table = "nl_sample_" + Guid.NewGuid().ToString("N");
        try
        {
            connection.ExecuteNonQuery($"CREATE TEMP TABLE {table} AS SELECT * FROM {source.RawRelationSql()} LIMIT {rows + 1}", ct);
        }
        catch (DuckDbException e)
        {
            throw new IngestionException(
                $"The first rows of '{Path.GetFileName(source.Path)}' could not be read: {e.Message.Split('\n', 2)[0]}. Check the delimiter, quote and encoding, or fix the file.", e);
        }
        var count = Convert.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {table}", ct));
        var covers = count <= rows;
        if (!covers)
        {
            // One row beyond the sample only told us the file goes on.
            connection.ExecuteNonQuery($"DELETE FROM {table} WHERE rowid = (SELECT max(rowid) FROM {table})", ct);
            count = rows;
        }
        return new SourceSample(connection, table, count, covers);
    }

    public void Dispose()
    {
        try
        {
            _connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {TableName}");
        }
        catch (ObjectDisposedException)
        {
            // The connection went first; its temporary tables went with it.
        }
    }
}
