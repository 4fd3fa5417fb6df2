using System.Globalization;
using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Engine.Catalog.Impact;

/// <summary>
/// The risk score of a downstream asset, 0–100, as the sum of five factors (each shown with its points):
/// <list type="bullet">
/// <item>depth d: 30 / d (a direct consumer 30, two steps away 15, three 10 ...);</item>
/// <item>consumers n (the asset's own downstream fan-out): 20 · n / (n + 2);</item>
/// <item>recent usage q (reads and writes of its table in the last 30 days): 20 · q / (q + 10);</item>
/// <item>schema change (only with a proposed change), weight w = 0 safe, 0.5 risky, 1 breaking per <see cref="SchemaComparer"/>: 10 · w;</item>
/// <item>uses the changed column (column lineage reaches the asset from it): 20 · w, else 0.</item>
/// </list>
/// Closer, busier and more consumed assets hit by a breaking change to a column they read score highest.
/// </summary>
public static class RiskModel
{
    public const double DepthPoints = 30;
    public const double ConsumerPoints = 20;
    public const double UsagePoints = 20;
    public const double ChangePoints = 10;
    public const double ColumnPoints = 20;

    /// <summary>The factors of one asset; <paramref name="change"/> is null when no schema change is proposed.</summary>
    public static IReadOnlyList<RiskFactor> Factors(int depth, int consumers, long recentUses, ProposedImpact? change)
    {
        var factors = new List<RiskFactor>
        {
            new("depth", depth.ToString(CultureInfo.InvariantCulture), Round(DepthPoints / depth),
                depth == 1 ? "reads the start directly" : $"{depth} lineage steps from the start; closer assets feel a change first"),
            new("consumers", consumers.ToString(CultureInfo.InvariantCulture), Round(ConsumerPoints * consumers / (consumers + 2.0)),
                consumers == 0 ? "nothing is derived from it" : $"{consumers} asset(s) are derived from it directly, so a problem spreads further"),
            new("recent usage", recentUses.ToString(CultureInfo.InvariantCulture), Round(UsagePoints * recentUses / (recentUses + 10.0)),
                recentUses == 0 ? "not read or written in the last 30 days" : $"{recentUses} read(s) and write(s) in the last 30 days"),
        };
        if (change is { } c)
        {
            var weight = c.Severity switch { ChangeSeverity.Breaking => 1.0, ChangeSeverity.Risky => 0.5, _ => 0.0 };
            factors.Add(new("schema change", c.Severity.ToString().ToLowerInvariant(), Round(ChangePoints * weight), $"{c.Change}: {c.Reason}"));
            factors.Add(new("uses changed column", c.UsesColumn ? "yes" : "no", Round(c.UsesColumn ? ColumnPoints * weight : 0),
                c.UsesColumn ? $"column lineage reaches it from {c.Change.Column}" : $"no column lineage reaches it from {c.Change.Column}"));
        }

        return factors;
    }

    /// <summary>The factors' sum, kept within 0–100.</summary>
    public static double Score(IEnumerable<RiskFactor> factors) => Math.Clamp(Round(factors.Sum(f => f.Contribution)), 0, 100);

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A proposed change as it bears on one asset: its classification and whether the asset reads the changed column.</summary>
public sealed record ProposedImpact(ProposedChange Change, ChangeSeverity Severity, string Reason, bool UsesColumn);
