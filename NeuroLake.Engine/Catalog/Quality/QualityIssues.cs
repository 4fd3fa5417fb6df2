namespace NeuroLake.Engine.Catalog.Quality;

/// <summary>Something a user must act on, the points it cost the quality score, and what to do about it.</summary>
public sealed record QualityDeduction(int Points, string Reason);

/// <summary>
/// Something worth knowing about the data that does not lower the score (outliers, skew, many nulls outside the key,
/// constant columns): <see cref="Column"/> is null for findings about the whole table.
/// </summary>
public sealed record QualityFinding(string? Column, string Kind, string Detail);
