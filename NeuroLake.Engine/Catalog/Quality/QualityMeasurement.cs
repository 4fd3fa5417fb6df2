namespace NeuroLake.Engine.Catalog.Quality;

/// <summary>The outcome of one data-quality check (e.g. <c>amount_not_negative</c>).</summary>
public sealed record QualityCheckResult(string Name, bool Passed, string Detail = "");

/// <summary>
/// Quality metrics of a table (<see cref="Column"/> null) or one column, measured at <see cref="MeasuredAt"/> on table
/// version <see cref="TableVersion"/>. Metrics that were not measured stay null. A table-level measurement may carry the
/// score with its <see cref="Deductions"/> (what to fix) and, apart from them, <see cref="Findings"/> that cost nothing.
/// </summary>
public sealed record QualityMeasurement(
    string? Column,
    DateTimeOffset MeasuredAt,
    long TableVersion,
    long? RowCount = null,
    double? NullPercent = null,
    long? DistinctCount = null,
    string? Min = null,
    string? Max = null,
    TimeSpan? Freshness = null,
    IReadOnlyList<QualityCheckResult>? Checks = null,
    int? Score = null,
    IReadOnlyList<QualityDeduction>? Deductions = null,
    IReadOnlyList<QualityFinding>? Findings = null);
