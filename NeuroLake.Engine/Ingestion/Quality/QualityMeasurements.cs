using NeuroLake.Engine.Catalog.Quality;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>A quality report as the catalog's time series stores it: one table row plus one row per column.</summary>
public static class QualityMeasurements
{
    public static IReadOnlyList<QualityMeasurement> From(QualityReport report, long version, DateTimeOffset at)
    {
        var measurements = new List<QualityMeasurement>
        {
            new(null, at, version, RowCount: report.RowCount, Checks: Checks(report), Score: report.Score, Deductions: report.Deductions, Findings: report.Findings),
        };
        measurements.AddRange(report.Columns.Select(c =>
            new QualityMeasurement(c.Name, at, version, report.RowCount, c.NullPercent, c.DistinctCount, c.Min, c.Max)));
        return measurements;
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
