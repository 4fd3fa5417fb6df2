using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Web.Components.Pages.Quality;

namespace NeuroLake.Web.Api.Quality;

/// <summary>
/// A table's latest quality, as its Quality tab shows it: the score (null when never scored) with why points were
/// deducted (as text and as points with reasons), the informational findings that cost nothing, the latest checks, and
/// each column's newest profile.
/// </summary>
public sealed record QualityJson(
    string Table, int? Score, IReadOnlyList<string> ScoreReasons, IReadOnlyList<QualityDeduction> Deductions, IReadOnlyList<QualityFinding> Findings,
    IReadOnlyList<QualityCheckResult> Checks, IReadOnlyList<ColumnProfileJson> Profile)
{
    public static QualityJson From(string table, QualityHistory history) => new(
        table, history.Score, history.ScoreReasons, history.Deductions, history.Findings, history.LatestChecks, history.LatestProfile.Select(ColumnProfileJson.From).ToList());
}

/// <summary>One column's newest measurement: the version and time it was taken, null %, distinct values, smallest and largest value.</summary>
public sealed record ColumnProfileJson(string Column, long TableVersion, DateTimeOffset MeasuredAt, double? NullPercent, long? DistinctCount, string? Min, string? Max)
{
    public static ColumnProfileJson From(QualityMeasurement m) => new(m.Column!, m.TableVersion, m.MeasuredAt, m.NullPercent, m.DistinctCount, m.Min, m.Max);
}

/// <summary>A table's quality over time: one point per table-level measurement (version, time, rows, score), oldest first.</summary>
public sealed record QualityHistoryJson(string Table, IReadOnlyList<QualityScorePoint> Points);
