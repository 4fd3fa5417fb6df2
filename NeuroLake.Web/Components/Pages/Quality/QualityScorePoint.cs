namespace NeuroLake.Web.Components.Pages.Quality;

/// <summary>A table's quality at one measurement: the version measured, when, its rows and its score (0–100; null when not scored).</summary>
public sealed record QualityScorePoint(long TableVersion, DateTimeOffset MeasuredAt, long? RowCount, int? Score);
