using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Tiering;

/// <summary>
/// Decides where each table file should be (pure: tested on fixed inputs). Files only older versions need go to the
/// archive first, once out of the latest version for <see cref="TieringPlannerOptions.ColdAfterDays"/> (warm when the
/// table may never be archived or no cold tier exists); a table untouched for <see cref="TieringPlannerOptions.WarmAfterDays"/>
/// sends its latest files warm; a table read <see cref="TieringPlannerOptions.PromoteAfterReads"/> times within that
/// window brings them back hot. <see cref="TierOverride.PinHot"/> brings every placed file back and moves nothing out;
/// <see cref="TierOverride.NeverArchive"/> brings cold files back warm. Savings are storage per month at the price book:
/// hot at this installation's own disk price, warm and cold at the book's.
/// </summary>
public static class TieringPlanner
{
    private const decimal BytesPerGb = 1024m * 1024m * 1024m;
    private const string OldVersionsReason = "only versions older than the latest read it";

    public static TieringPlan Plan(
        IReadOnlyList<TieringTable> tables, IReadOnlyList<StorageTier> configured, TieringPlannerOptions options, PriceBook? prices, DateTimeOffset now)
    {
        var notes = new List<string>();
        var remote = configured.Any(t => t != StorageTier.Hot);
        if (!remote)
        {
            notes.Add("Only the hot tier exists: set NeuroLake:Storage:S3 and NeuroLake:Storage:Tiers:Warm:Location or :Cold:Location to move files off this disk. Files placed earlier can still come back hot.");
        }

        if (prices is null)
        {
            notes.Add("No price book is saved, so savings are not estimated: enter one under Admin → Settings.");
        }

        var moves = new List<TieringMove>();
        foreach (var table in tables)
        {
            moves.AddRange(PlanTable(table, configured, options, prices, now));
        }

        var ordered = moves.OrderBy(m => Rank(m)).ThenBy(m => m.Table, StringComparer.Ordinal).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        return new TieringPlan(now, configured, ordered, prices is null ? null : ordered.Sum(m => m.MonthlySaving ?? 0), prices?.Currency, notes);
    }

    /// <summary>Storage per month of <paramref name="bytes"/> moved from one tier to another (positive: cheaper after).</summary>
    public static decimal MonthlySaving(long bytes, StorageTier from, StorageTier to, PriceBook prices) =>
        bytes / BytesPerGb * (PricePerGbMonth(from, prices) - PricePerGbMonth(to, prices));

    public static decimal PricePerGbMonth(StorageTier tier, PriceBook prices) => tier switch
    {
        StorageTier.Hot => prices.LocalDiskPerGbMonth,
        StorageTier.Warm => prices.WarmPerGbMonth,
        _ => prices.ColdPerGbMonth,
    };

    private static IEnumerable<TieringMove> PlanTable(
        TieringTable table, IReadOnlyList<StorageTier> configured, TieringPlannerOptions options, PriceBook? prices, DateTimeOffset now)
    {
        var demotions = new List<TieringMove>();
        var others = new List<TieringMove>();
        var untouched = table.LastTouched is not { } touched || now - touched >= TimeSpan.FromDays(options.WarmAfterDays);
        var busy = table.RecentReads >= Math.Max(1, options.PromoteAfterReads);
        // A partition no write touched for the warm window goes warm even while the table is in use elsewhere.
        var quietPartitions = table.Files.Where(f => f is { InLatest: true, Partition: not null })
            .GroupBy(f => f.Partition!, StringComparer.Ordinal)
            .Where(g => now - g.Max(f => f.LastModified) >= TimeSpan.FromDays(options.WarmAfterDays))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var archive = table.Override != TierOverride.NeverArchive && configured.Contains(StorageTier.Cold)
            ? StorageTier.Cold
            : configured.Contains(StorageTier.Warm) ? StorageTier.Warm : table.Home;
        foreach (var file in table.Files)
        {
            var (target, reason) = Target(table, file, options, configured, archive, untouched, busy, quietPartitions, now);
            if (target == file.Tier)
            {
                continue;
            }

            var move = new TieringMove(table.Name, table.Location, file.Key, file.Size, file.Tier, target, reason,
                prices is null ? null : MonthlySaving(file.Size, file.Tier, target, prices));
            if (target > file.Tier)
            {
                if (file.Size >= options.MinFileBytes)
                {
                    demotions.Add(move);
                }
            }
            else
            {
                others.Add(move);
            }
        }

        // Moving a table's few bytes costs requests and a restore later for nothing: below the minimum, it stays.
        return demotions.Sum(m => m.Bytes) >= options.MinTableBytes ? demotions.Concat(others) : others;
    }

    private static (StorageTier Target, string Reason) Target(
        TieringTable table, TieringFile file, TieringPlannerOptions options, IReadOnlyList<StorageTier> configured, StorageTier archive, bool untouched, bool busy,
        IReadOnlySet<string> quietPartitions, DateTimeOffset now)
    {
        if (table.Override == TierOverride.PinHot)
        {
            return (table.Home, "the table is pinned hot");
        }

        if (!file.InLatest)
        {
            var removed = file.RemovedAt ?? file.LastModified;
            if (now - removed >= TimeSpan.FromDays(options.ColdAfterDays) && archive > file.Tier)
            {
                return (archive, $"{OldVersionsReason}, for {options.ColdAfterDays}+ days");
            }
        }
        else if (busy && file.Tier != table.Home)
        {
            return (table.Home, $"the table was read {table.RecentReads} times in the last {options.WarmAfterDays} days");
        }
        else if (untouched && file.Tier == StorageTier.Hot && table.Home == StorageTier.Hot && configured.Contains(StorageTier.Warm))
        {
            return (StorageTier.Warm, $"the table was not read or written for {options.WarmAfterDays}+ days");
        }
        else if (!busy && file.Partition is { } partition && quietPartitions.Contains(partition)
            && file.Tier == StorageTier.Hot && table.Home == StorageTier.Hot && configured.Contains(StorageTier.Warm))
        {
            return (StorageTier.Warm, $"partition {partition} was not written for {options.WarmAfterDays}+ days");
        }

        if (file.Tier == StorageTier.Cold && table.Override == TierOverride.NeverArchive)
        {
            return (configured.Contains(StorageTier.Warm) ? StorageTier.Warm : table.Home, "the table may never be archived");
        }

        return (file.Tier, "");
    }

    // Old-version files first (the safest saving), then latest files going warm, then files coming back.
    private static int Rank(TieringMove move) => move.To > move.From ? (move.Reason.StartsWith(OldVersionsReason, StringComparison.Ordinal) ? 0 : 1) : 2;
}
