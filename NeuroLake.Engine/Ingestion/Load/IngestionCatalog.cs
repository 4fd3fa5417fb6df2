using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Stores a load's quality metrics and PII findings in the catalog. The table itself is registered by the
/// <see cref="CatalogTableObserver"/> of the target's options when it commits; this only describes it.
/// </summary>
public sealed class IngestionCatalog(CatalogStore store, QualityStore quality, WarehouseLayout layout)
{
    /// <summary>The catalog name of the managed table at <paramref name="location"/>, or null when it has none.</summary>
    public SecurablePath? NameOf(string location) => layout.NameOf(location, out _);

    internal async Task RecordAsync(SecurablePath table, long version, QualityReport report, IReadOnlyList<PiiFinding> pii, CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        var measurements = new List<QualityMeasurement>
        {
            new(null, at, version, RowCount: report.RowCount, Checks: Checks(report)),
        };
        measurements.AddRange(report.Columns.Select(c =>
            new QualityMeasurement(c.Name, at, version, report.RowCount, c.NullPercent, c.DistinctCount, c.Min, c.Max)));
        await quality.RecordAsync(table, measurements, ct).ConfigureAwait(false);
        foreach (var finding in pii)
        {
            await store.ClassifyColumnAsync(
                table with { Column = finding.Column },
                finding.SemanticName,
                new PiiClassification(finding.SemanticName, Math.Round(finding.Confidence, 4), PiiSource.Detected),
                ct).ConfigureAwait(false);
        }
    }

    private static List<QualityCheckResult> Checks(QualityReport report)
    {
        var reasons = report.Deductions.Count == 0 ? "no deductions" : string.Join("; ", report.Deductions.Select(d => $"-{d.Points}: {d.Reason}"));
        return
        [
            new QualityCheckResult("quality_score", report.Score >= 80, $"{report.Score}/100 ({reasons})"),
            new QualityCheckResult("no_duplicate_rows", report.DuplicateRows == 0, $"{report.DuplicateRows} duplicate row(s)"),
        ];
    }
}
