using NeuroLake.Engine.Catalog.Impact;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>A factor behind an asset's risk score: its name, measured value, share of the score and why it matters.</summary>
public sealed record ImpactFactor(string Name, string Value, double Contribution, string Explanation);

/// <summary>One downstream asset in the impact table.</summary>
/// <param name="Asset">Dotted name of the table or column.</param>
/// <param name="Depth">Edges between the start and the asset.</param>
/// <param name="Path">The assets passed through on the way, start first.</param>
/// <param name="RiskScore">How much a change to the start puts the asset at risk (higher is riskier).</param>
/// <param name="Factors">What the score is made of.</param>
public sealed record ImpactRow(string Asset, int Depth, IReadOnlyList<string> Path, double RiskScore, IReadOnlyList<ImpactFactor> Factors)
{
    /// <summary>The rows of an impact report, in its order.</summary>
    public static IReadOnlyList<ImpactRow> From(ImpactReport report) => From(report, _ => true);

    /// <summary>
    /// The rows of assets whose table <paramref name="readable"/> allows, in the report's order; tables on their paths
    /// it does not allow are shown as <see cref="RestrictedLineage.Label"/>, so a path stays as long as it is.
    /// </summary>
    public static IReadOnlyList<ImpactRow> From(ImpactReport report, Func<NeuroLake.Engine.Catalog.SecurablePath, bool> readable) =>
        report.Assets.Where(a => readable(a.Asset.TablePath)).Select(a => new ImpactRow(
            a.Asset.ToString(),
            a.Depth,
            a.Path.Select(p => readable(p.TablePath) ? p.ToString() : RestrictedLineage.Label).ToList(),
            a.RiskScore,
            a.Factors.Select(f => new ImpactFactor(f.Name, f.Value, f.Contribution, f.Explanation)).ToList())).ToList();
}
