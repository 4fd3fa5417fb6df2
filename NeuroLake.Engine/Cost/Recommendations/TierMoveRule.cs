using System.Globalization;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Engine.Cost.Recommendations;

/// <summary>
/// Tier-move recommendations: the tiering plan's moves of one table, priced with the book the Cost page uses. Only the
/// plan's cheaper-after moves count (a promotion back hot costs storage to save reads); the action runs the tiering plan.
/// </summary>
internal static class TierMoveRule
{
    public static IEnumerable<CostRecommendation> ForPlan(TieringPlan plan, IReadOnlySet<string> tables, PriceBook prices) =>
        plan.Moves
            .Where(m => tables.Contains(m.Table) && TieringPlanner.MonthlySaving(m.Bytes, m.From, m.To, prices) > 0)
            .GroupBy(m => m.Table, StringComparer.Ordinal)
            .Select(g => Recommendation(g.Key, [.. g], prices));

    private static CostRecommendation Recommendation(string table, IReadOnlyList<TieringMove> moves, PriceBook prices)
    {
        var bytes = moves.Sum(m => m.Bytes);
        var cost = moves.Sum(m => CostUnits.Gb(m.Bytes) * TieringPlanner.PricePerGbMonth(m.From, prices));
        var saving = moves.Sum(m => TieringPlanner.MonthlySaving(m.Bytes, m.From, m.To, prices));
        var targets = string.Join(" and ", moves.Select(m => Tier(m.To)).Distinct());
        var routes = string.Join("; ", moves.GroupBy(m => (m.From, m.To)).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Count():N0} from {Tier(r.Key.From)} at {CostUnits.Money(TieringPlanner.PricePerGbMonth(r.Key.From, prices), prices)}/GB-month to {Tier(r.Key.To)} at {CostUnits.Money(TieringPlanner.PricePerGbMonth(r.Key.To, prices), prices)}/GB-month")));
        var reasons = string.Join(" ", moves.Select(m => m.Reason).Distinct(StringComparer.Ordinal).Take(3));
        return new CostRecommendation(
            CostRecommendation.IdOf(RecommendationKind.TierMove, table), RecommendationKind.TierMove, table,
            string.Create(CultureInfo.InvariantCulture, $"Move {moves.Count:N0} file{(moves.Count == 1 ? "" : "s")} ({bytes:N0} bytes) of {table} to the {targets} tier"),
            cost, saving, false,
            $"The tiering plan's moves for this table ({routes}) {CostUnits.Book(prices)}; a GB is 2^30 bytes. {reasons} "
            + "Reads of moved files fetch them back through the local cache (object requests and, from an archive class, a restore are not priced here). "
            + "The button runs the whole tiering plan, every table's moves.",
            RecommendedAction.Tiering, []);
    }

    private static string Tier(StorageTier tier) => tier switch
    {
        StorageTier.Hot => "hot",
        StorageTier.Warm => "warm",
        _ => "cold",
    };
}
