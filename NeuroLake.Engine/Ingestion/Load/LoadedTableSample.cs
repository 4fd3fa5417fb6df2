using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// What the profile after a load reads, so the data is not scanned again in full: a table of at most
/// <see cref="SnapshotProfiler.SampleRows"/> rows is read whole; a bigger one is sampled once (one pass over the written
/// Parquet into a temporary table that quality and PII detection share), and the row count, null counts and
/// bounds then come from the Delta file statistics the write took from the Parquet footers, so they stay exact.
/// </summary>
internal sealed class LoadedTableSample : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly FileStatisticsSummary _files;
    private readonly long _rows;
    private readonly bool _sampled;

    private LoadedTableSample(DuckDbConnection connection, FileStatisticsSummary files, long rows, string relation, bool sampled)
    {
        (_connection, _files, _rows, Relation, _sampled) = (connection, files, rows, relation, sampled);
    }

    /// <summary>The whole table, or the temporary table holding the sample.</summary>
    public string Relation { get; }

    public static LoadedTableSample Take(DuckDbConnection connection, Snapshot snapshot, CancellationToken ct)
    {
        var files = FileStatisticsSummary.Of(snapshot);
        var table = $"({DeltaTable.ToSql(snapshot)})";
        var rows = files.Rows ?? SqlValue.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {table}", ct));
        if (rows <= SnapshotProfiler.SampleRows)
        {
            return new LoadedTableSample(connection, files, rows, table, sampled: false);
        }

        var temp = "nl_loaded_sample_" + Guid.NewGuid().ToString("N");
        if (RowBlockSample.Plan(snapshot, SnapshotProfiler.SampleRows) is { } blocks)
        {
            // A few blocks of consecutive rows per file: DuckDB reads only the row groups holding them, not the table.
            connection.ExecuteNonQuery($"CREATE TEMP TABLE {temp} AS {SnapshotRelation.ToSql(snapshot, blocks.Filter)}", ct);
            return new LoadedTableSample(connection, files, rows, temp, sampled: true);
        }

        // Many small files: every k-th row by the hash of all its values (one parallel pass), copies of a row all in or out.
        var every = (rows + SnapshotProfiler.SampleRows - 1) / SnapshotProfiler.SampleRows;
        var values = string.Join(", ", snapshot.Schema.Fields.Select(f => SqlText.Identifier(f.Name)));
        connection.ExecuteNonQuery($"CREATE TEMP TABLE {temp} AS SELECT * FROM {table} WHERE hash({values}) % {every} = 0", ct);
        return new LoadedTableSample(connection, files, rows, temp, sampled: true);
    }

    /// <summary>The table's quality: exact when read whole; otherwise the sample's, with the exact figures put in.</summary>
    public QualityReport Assess(CancellationToken ct)
    {
        if (!_sampled)
        {
            return QualityAssessor.Assess(_connection, new QualityRequest(Relation, RowCount: _rows), ct);
        }

        var sample = QualityAssessor.Assess(_connection, new QualityRequest(Relation), ct);
        var report = sample with { RowCount = _rows, Columns = sample.Columns.Select(Exact).ToList() };
        return QualityScore.Scored(report with { SampledRows = sample.RowCount });
    }

    private ColumnQuality Exact(ColumnQuality sampled)
    {
        var facts = _files.Column(sampled.Name);
        return sampled with
        {
            NullCount = facts?.Nulls ?? sampled.NullCount,
            NullPercent = facts is null ? sampled.NullPercent : _rows == 0 ? 0 : 100.0 * facts.Nulls / _rows,
            DistinctIsApproximate = true,
            Min = facts?.Min ?? sampled.Min,
            Max = facts?.Max ?? sampled.Max,
        };
    }

    public void Dispose()
    {
        if (_sampled)
        {
            _connection.Execute($"DROP TABLE IF EXISTS {Relation}");
        }
    }
}
