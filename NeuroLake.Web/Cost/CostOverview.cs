using NeuroLake.Engine.Cost;

namespace NeuroLake.Web.Cost;

/// <summary>A key's cost over a range: storage and compute, in the price book's currency.</summary>
public sealed record CostTotal(string Key, decimal Storage, decimal Compute)
{
    public decimal Total => Storage + Compute;
}

/// <summary>A key whose cost changed most against the range of the same length just before.</summary>
public sealed record CostMover(CostDimension Dimension, string Key, decimal Previous, decimal Current)
{
    public decimal Change => Current - Previous;
}

/// <summary>
/// What the Cost page and <c>/api/v1/cost</c> show for a range: totals by tier, table, user and workload class, top
/// movers, the three deployment models, all in <see cref="Book"/>'s currency, computed from what the asker may see.
/// </summary>
/// <param name="Everything">True when the figures cover every user and table (an administrator asked).</param>
public sealed record CostOverview(
    CostRange Range,
    SavedPriceBook Book,
    bool Everything,
    decimal Storage,
    decimal Compute,
    IReadOnlyList<CostTotal> ByTier,
    IReadOnlyList<CostTotal> ByTable,
    IReadOnlyList<CostTotal> ByUser,
    IReadOnlyList<CostTotal> ByWorkload,
    IReadOnlyList<CostMover> TopMovers,
    IReadOnlyList<DeploymentCost> Deployments,
    IReadOnlyList<string> Assumptions)
{
    public decimal Total => Storage + Compute;

    public string Currency => Book.Prices.Currency;

    /// <summary>How many movers an overview lists.</summary>
    public const int MoverCount = 10;

    internal static CostOverview Of(
        CostRange range, SavedPriceBook book, bool everything, CostReport current, CostReport previous, IReadOnlyList<DeploymentCost> deployments)
    {
        var byTier = Totals(current, CostDimension.Tier);
        var byWorkload = Totals(current, CostDimension.Workload);
        return new CostOverview(
            range, book, everything, byTier.Sum(t => t.Storage), byWorkload.Sum(w => w.Compute), byTier, Totals(current, CostDimension.Table),
            Totals(current, CostDimension.User), byWorkload, Movers(current, previous), deployments, current.Assumptions);
    }

    /// <summary>Each key's total over the report's days, largest first.</summary>
    public static IReadOnlyList<CostTotal> Totals(CostReport report, CostDimension dimension) =>
        report.Entries.Where(e => e.Dimension == dimension)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => new CostTotal(g.Key, g.Sum(e => e.Storage), g.Sum(e => e.Compute)))
            .OrderByDescending(t => t.Total).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<CostMover> Movers(CostReport current, CostReport previous)
    {
        static Dictionary<(CostDimension, string), decimal> Sums(CostReport r) =>
            r.Entries.GroupBy(e => (e.Dimension, e.Key)).ToDictionary(g => g.Key, g => g.Sum(e => e.Total));
        var now = Sums(current);
        var before = Sums(previous);
        return now.Keys.Union(before.Keys)
            .Select(k => new CostMover(k.Item1, k.Item2, before.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(m => m.Change != 0)
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Dimension).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Take(MoverCount)
            .ToList();
    }
}
