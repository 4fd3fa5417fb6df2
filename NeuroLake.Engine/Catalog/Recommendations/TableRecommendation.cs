namespace NeuroLake.Engine.Catalog.Recommendations;

/// <summary>A table related to the one asked about, with every reason found (best first by score).</summary>
public sealed record TableRecommendation(SecurablePath Table, double Score, IReadOnlyList<string> Reasons);
