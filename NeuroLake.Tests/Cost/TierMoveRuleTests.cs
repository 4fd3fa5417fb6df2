using NeuroLake.Engine.Cost.Recommendations;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Tests.Cost;

public sealed class TierMoveRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tables_planned_moves_become_one_recommendation_priced_by_hand_and_hidden_or_costlier_moves_are_left_out()
    {
        var plan = new TieringPlan(Now, [StorageTier.Hot, StorageTier.Warm, StorageTier.Cold], [
            Move("main.s.orders", "a.parquet", 2 * CostFixtures.Gb, StorageTier.Hot, StorageTier.Cold, "Only versions before 4 read it."),
            Move("main.s.orders", "b.parquet", CostFixtures.Gb, StorageTier.Hot, StorageTier.Warm, "Not read for 30 days."),
            Move("main.s.orders", "c.parquet", CostFixtures.Gb, StorageTier.Warm, StorageTier.Hot, "Read 5 times."),
            Move("main.hr.salaries", "d.parquet", CostFixtures.Gb, StorageTier.Hot, StorageTier.Cold, "Only versions before 2 read it."),
        ], 0m, "USD", []);

        var item = Assert.Single(TierMoveRule.ForPlan(plan, new HashSet<string>(["main.s.orders"]), CostFixtures.Prices));

        Assert.Equal(("TierMove:main.s.orders", RecommendationKind.TierMove, RecommendedAction.Tiering), (item.Id, item.Kind, item.Action));
        Assert.Equal("Move 2 files (3,221,225,472 bytes) of main.s.orders to the cold and warm tier", item.Title);
        // Own disk $0.03/GB-month: 3 GB cost $0.09; cold $0.001 saves 2 × 0.029, warm $0.02 saves 1 × 0.01 (the promotion costs, so it is no saving).
        Assert.Equal(0.09m, item.MonthlyCost);
        Assert.Equal(2 * 0.029m + 0.01m, item.MonthlySaving);
        Assert.Contains("(1 from hot at $0.03/GB-month to cold at $0.001/GB-month; 1 from hot at $0.03/GB-month to warm at $0.02/GB-month)", item.Assumption, StringComparison.Ordinal);
        Assert.Contains("Only versions before 4 read it.", item.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_moves_recommends_nothing() =>
        Assert.Empty(TierMoveRule.ForPlan(new TieringPlan(Now, [StorageTier.Hot], [], null, null, ["Only the hot tier exists."]), new HashSet<string>(["main.s.orders"]), CostFixtures.Prices));

    private static TieringMove Move(string table, string key, long bytes, StorageTier from, StorageTier to, string reason) =>
        new(table, "/lake/" + table, key, bytes, from, to, reason, null);
}
