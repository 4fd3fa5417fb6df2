using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Tests.Tiering;

/// <summary>The planner on fixed inputs: old-version files first, thresholds, overrides and savings worked out by hand.</summary>
public sealed class TieringPlannerTests
{
    private const long Gb = 1L << 30;
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly StorageTier[] AllTiers = [StorageTier.Hot, StorageTier.Warm, StorageTier.Cold];
    private static readonly TieringPlannerOptions Options = new() { ColdAfterDays = 7, WarmAfterDays = 30, PromoteAfterReads = 3 };

    // Own disk 0.05, warm 0.023, cold 0.00099 per GB-month.
    private static readonly PriceBook Prices = new("test", "by hand", "USD", new DateOnly(2026, 1, 1), 0.08m, 0.023m, 0.00099m, 0.005m, 0.0004m, 0.09m, 0.05m, 1m, 4, 0.05m);

    private static TieringFile Old(string key, long size, int removedDaysAgo, StorageTier tier = StorageTier.Hot) =>
        new(key, size, false, Now.AddDays(-100), Now.AddDays(-removedDaysAgo), tier);

    private static TieringFile Latest(string key, long size, StorageTier tier = StorageTier.Hot) => new(key, size, true, Now.AddDays(-100), null, tier);

    private static TieringTable Table(string name, TieringFile[] files, int lastTouchedDaysAgo = 1, int reads = 0, TierOverride @override = TierOverride.Auto) =>
        new(name, "/lake/" + name, files, @override, Now.AddDays(-lastTouchedDaysAgo), reads);

    [Fact]
    public void Old_version_files_past_the_threshold_go_cold_first_and_recent_ones_stay()
    {
        var plan = TieringPlanner.Plan(
            [Table("a", [Latest("l.parquet", Gb), Old("old.parquet", 2 * Gb, 10), Old("young.parquet", Gb, 3)], lastTouchedDaysAgo: 40)],
            AllTiers, Options, Prices, Now);

        Assert.Equal(["old.parquet", "l.parquet"], plan.Moves.Select(m => m.Key));
        Assert.Equal((StorageTier.Hot, StorageTier.Cold), (plan.Moves[0].From, plan.Moves[0].To));
        Assert.Equal((StorageTier.Hot, StorageTier.Warm), (plan.Moves[1].From, plan.Moves[1].To));
        // 2 GB × (0.05 − 0.00099) = 0.09802; 1 GB × (0.05 − 0.023) = 0.027.
        Assert.Equal(0.09802m, plan.Moves[0].MonthlySaving);
        Assert.Equal(0.027m, plan.Moves[1].MonthlySaving);
        Assert.Equal(0.12502m, plan.MonthlySaving);
        Assert.Equal("USD", plan.Currency);
    }

    [Fact]
    public void Partitions_no_write_touched_for_the_warm_window_go_warm_while_the_table_is_in_use_unless_it_is_read_often()
    {
        TieringFile In(string partition, string key, int writtenDaysAgo) => new(key, Gb, true, Now.AddDays(-writtenDaysAgo), null, StorageTier.Hot, partition);
        TieringFile[] files = [In("day=2026-10-01", "a.parquet", 60), In("day=2026-10-01", "b.parquet", 31), In("day=2026-12-05", "c.parquet", 2), In("day=2026-12-05", "d.parquet", 45)];

        var used = TieringPlanner.Plan([Table("events", files, lastTouchedDaysAgo: 1, reads: 2)], AllTiers, Options, Prices, Now);
        var busy = TieringPlanner.Plan([Table("events", files, lastTouchedDaysAgo: 1, reads: 3)], AllTiers, Options, Prices, Now);

        // The December partition had a write two days ago, so all of it stays, its 45-day-old file too.
        Assert.Equal(["a.parquet", "b.parquet"], used.Moves.Select(m => m.Key));
        Assert.All(used.Moves, m => Assert.Equal((StorageTier.Hot, StorageTier.Warm, "partition day=2026-10-01 was not written for 30+ days"), (m.From, m.To, m.Reason)));
        Assert.Empty(busy.Moves);
    }

    [Fact]
    public void Latest_files_of_a_table_read_recently_stay_and_small_files_and_tables_are_left_alone()
    {
        var options = new TieringPlannerOptions { ColdAfterDays = 7, WarmAfterDays = 30, MinFileBytes = 100, MinTableBytes = 1000 };
        var plan = TieringPlanner.Plan(
            [
                Table("recent", [Latest("l.parquet", Gb)], lastTouchedDaysAgo: 29),
                Table("tiny", [Old("small.parquet", 99, 30), Old("mid.parquet", 500, 30)]),
                Table("big", [Old("small.parquet", 99, 30), Old("large.parquet", 2000, 30)]),
            ],
            AllTiers, options, null, Now);

        Assert.Equal([("big", "large.parquet")], plan.Moves.Select(m => (m.Table, m.Key)));
        Assert.Null(plan.MonthlySaving);
        Assert.Contains(plan.Notes, n => n.Contains("price book", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_pin_hot_bring_files_back_and_never_archive_keeps_files_out_of_cold()
    {
        var plan = TieringPlanner.Plan(
            [
                Table("pinned", [Old("o.parquet", Gb, 30), Old("placed.parquet", Gb, 30, StorageTier.Cold)], @override: TierOverride.PinHot),
                Table("kept", [Old("o.parquet", Gb, 30), Old("was-cold.parquet", Gb, 30, StorageTier.Cold)], @override: TierOverride.NeverArchive),
            ],
            AllTiers, Options, Prices, Now);

        Assert.Equal(
            [("kept", "o.parquet", StorageTier.Hot, StorageTier.Warm), ("kept", "was-cold.parquet", StorageTier.Cold, StorageTier.Warm), ("pinned", "placed.parquet", StorageTier.Cold, StorageTier.Hot)],
            plan.Moves.Select(m => (m.Table, m.Key, m.From, m.To)).OrderBy(m => m.Table).ThenBy(m => m.Key));
        // Back hot costs: 1 GB × (0.00099 − 0.05) = −0.04901.
        Assert.Equal(-0.04901m, plan.Moves.Single(m => m.Table == "pinned").MonthlySaving);
    }

    [Fact]
    public void A_table_read_often_brings_its_warm_files_back_hot()
    {
        var plan = TieringPlanner.Plan([Table("busy", [Latest("w.parquet", Gb, StorageTier.Warm)], reads: 3)], AllTiers, Options, Prices, Now);

        var move = Assert.Single(plan.Moves);
        Assert.Equal((StorageTier.Warm, StorageTier.Hot), (move.From, move.To));
        Assert.Contains("read 3 times", move.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tiers_the_plan_says_there_is_only_the_hot_tier_and_moves_nothing_out()
    {
        var plan = TieringPlanner.Plan([Table("a", [Old("o.parquet", Gb, 30), Latest("l.parquet", Gb)], lastTouchedDaysAgo: 90)], [StorageTier.Hot], Options, Prices, Now);

        Assert.Empty(plan.Moves);
        Assert.Contains(plan.Notes, n => n.StartsWith("Only the hot tier exists", StringComparison.Ordinal));
    }
}
