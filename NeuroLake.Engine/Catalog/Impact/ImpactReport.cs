namespace NeuroLake.Engine.Catalog.Impact;

/// <summary>Everything downstream of <see cref="Start"/>, riskiest first.</summary>
public sealed record ImpactReport(SecurablePath Start, IReadOnlyList<ImpactedAsset> Assets);

/// <summary>
/// A table (or, for a column start, a column) derived from the start, <see cref="Depth"/> lineage edges away.
/// </summary>
/// <param name="Path">The shortest lineage path from the start to the asset, both included.</param>
/// <param name="RiskScore">0–100: the sum of the factors' contributions (see <see cref="RiskModel"/>).</param>
public sealed record ImpactedAsset(SecurablePath Asset, int Depth, IReadOnlyList<SecurablePath> Path, double RiskScore, IReadOnlyList<RiskFactor> Factors);

/// <summary>One reason behind a risk score: what was measured, its value, the points it adds and why.</summary>
public sealed record RiskFactor(string Name, string Value, double Contribution, string Explanation);
