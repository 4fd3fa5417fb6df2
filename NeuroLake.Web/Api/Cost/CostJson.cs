using NeuroLake.Engine.Cost;
using NeuroLake.Web.Cost;

namespace NeuroLake.Web.Api.Cost;

/// <summary>A key's cost over the range, in the response's currency.</summary>
public sealed record CostTotalJson(string Key, decimal Storage, decimal Compute, decimal Total)
{
    public static CostTotalJson From(CostTotal t) => new(t.Key, t.Storage, t.Compute, t.Total);
}

/// <summary>A key whose cost changed most against the range of the same length just before (<c>dimension</c>: Table, User, Workload or Tier).</summary>
public sealed record CostMoverJson(string Dimension, string Key, decimal Previous, decimal Current, decimal Change)
{
    public static CostMoverJson From(CostMover m) => new(m.Dimension.ToString(), m.Key, m.Previous, m.Current, m.Change);
}

/// <summary>One deployment model's cost of the range's usage, each part beside the assumption that produced it.</summary>
public sealed record DeploymentCostJson(string Model, decimal Storage, decimal Compute, decimal Requests, decimal Egress, decimal Total, IReadOnlyList<string> Assumptions)
{
    public static DeploymentCostJson From(DeploymentCost d) => new(d.Model.ToString(), d.Storage, d.Compute, d.Requests, d.Egress, d.Total, d.Assumptions);
}

/// <summary>
/// The cost of a range as the Cost page shows it. Every amount is in <c>currency</c> for the whole range;
/// <c>scope</c> says whether it covers everyone ("all usage") or only the caller's own work and the tables they may read.
/// </summary>
public sealed record CostOverviewJson(
    DateOnly From, DateOnly To, string Currency, string Scope, decimal Storage, decimal Compute, decimal Total,
    IReadOnlyList<CostTotalJson> ByTier, IReadOnlyList<CostTotalJson> ByTable, IReadOnlyList<CostTotalJson> ByUser, IReadOnlyList<CostTotalJson> ByWorkload,
    IReadOnlyList<CostMoverJson> TopMovers, IReadOnlyList<DeploymentCostJson> Deployments, IReadOnlyList<string> Assumptions, SavedPriceBook PriceBook)
{
    public static CostOverviewJson Of(CostOverview o) => new(
        o.Range.From, o.Range.To, o.Currency, CostScopeText.Of(o.Everything), o.Storage, o.Compute, o.Total,
        [.. o.ByTier.Select(CostTotalJson.From)], [.. o.ByTable.Select(CostTotalJson.From)], [.. o.ByUser.Select(CostTotalJson.From)],
        [.. o.ByWorkload.Select(CostTotalJson.From)], [.. o.TopMovers.Select(CostMoverJson.From)], [.. o.Deployments.Select(DeploymentCostJson.From)],
        o.Assumptions, o.Book);
}

/// <summary>One day's cost charged to a table, user, workload class or tier, in the response's currency.</summary>
public sealed record CostDayJson(DateOnly Day, string Dimension, string Key, decimal Storage, decimal Compute, decimal Total)
{
    public static CostDayJson From(CostEntry e) => new(e.Day, e.Dimension.ToString(), e.Key, e.Storage, e.Compute, e.Total);
}

/// <summary>Daily cost entries of a range (every amount in <c>currency</c> per UTC day) with the assumptions they were computed under.</summary>
public sealed record CostDailyJson(DateOnly From, DateOnly To, string Currency, string Scope, IReadOnlyList<CostDayJson> Days, IReadOnlyList<string> Assumptions);

/// <summary>The three deployment models priced over the range, amounts in <c>currency</c> for the whole range.</summary>
public sealed record DeploymentComparisonJson(DateOnly From, DateOnly To, string Currency, string Scope, IReadOnlyList<DeploymentCostJson> Models);

/// <summary>One table's storage and compute cost per UTC day, in <c>currency</c>.</summary>
public sealed record TableCostJson(string Table, DateOnly From, DateOnly To, string Currency, decimal Storage, decimal Compute, decimal Total, IReadOnlyList<CostDayJson> Days);

/// <summary>
/// Daily cost (storage plus compute, <c>currency</c> per day) forecast for the next <c>days</c> days with a prediction
/// interval; when <c>hasEnoughHistory</c> is false, <c>message</c> says why and <c>points</c> is empty.
/// </summary>
public sealed record CostForecastJson(
    int Days, string Currency, string Scope, bool HasEnoughHistory, string? Message, double Confidence, double TrendPerDay, IReadOnlyList<ForecastPoint> Points);

/// <summary>How responses name whose usage they cover.</summary>
public static class CostScopeText
{
    public const string All = "all usage";
    public const string Own = "your own usage and the tables you may read";

    public static string Of(bool everything) => everything ? All : Own;
}
