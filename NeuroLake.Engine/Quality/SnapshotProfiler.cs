using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Quality;

/// <summary>
/// Measures one table version cheaply: a reservoir sample of at most <see cref="SampleRows"/> rows is assessed as
/// ingestion does (distinct counts, duplicates, key, score, findings); when the table is bigger than the sample, the
/// row count, null shares and bounds come from the Delta file statistics wherever they hold, so they stay exact.
/// </summary>
public sealed class SnapshotProfiler(DuckDbDatabase duckDb, TimeProvider time)
{
    public const int SampleRows = 100_000;

    /// <summary>The assessment (of the sample) and the measurements to record for <paramref name="snapshot"/>'s version.</summary>
    public (QualityReport Report, IReadOnlyList<QualityMeasurement> Measurements) Profile(Snapshot snapshot, CancellationToken ct)
    {
        var files = FileStatisticsSummary.Of(snapshot);
        var table = $"({DeltaTable.ToSql(snapshot)})";
        QualityReport report;
        long rows;
        using (var connection = duckDb.Connect())
        {
            using var cancel = ct.Register(connection.Interrupt);
            rows = files.Rows ?? SqlValue.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {table}", ct));
            var relation = rows > SampleRows ? $"(SELECT * FROM {table} USING SAMPLE reservoir({SampleRows} ROWS) REPEATABLE (7))" : table;
            report = QualityAssessor.Assess(connection, new QualityRequest(relation, RowCount: rows > SampleRows ? null : rows), ct);
        }

        var measurements = QualityMeasurements.From(report, snapshot.Version, time.GetUtcNow());
        return (report, rows > SampleRows ? measurements.Select(m => Exact(m, rows, files)).ToList() : measurements);
    }

    private static QualityMeasurement Exact(QualityMeasurement sampled, long rows, FileStatisticsSummary files)
    {
        if (sampled.Column is null || files.Column(sampled.Column) is not { } facts)
        {
            return sampled with { RowCount = rows };
        }

        return sampled with
        {
            RowCount = rows,
            NullPercent = rows == 0 ? 0 : 100.0 * facts.Nulls / rows,
            Min = facts.Min ?? sampled.Min,
            Max = facts.Max ?? sampled.Max,
        };
    }
}
