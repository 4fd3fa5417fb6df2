using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>
/// What measured usage cost as this installation runs, per day and per table, user, workload class and tier. Pure:
/// records in, entries out. Storage is charged to tables and tiers (not to users); compute is the measured CPU time
/// priced at one core-hour of the machine, charged to the work's user and class, and to the tables a statement read
/// in proportion to the bytes it read from each (equally when it read none). The machine's idle time is charged to no
/// one; <see cref="DeploymentComparison"/> counts the whole machine.
/// </summary>
public static class CostModel
{
    /// <summary>The key of compute that touched no table.</summary>
    public const string NoTable = "(no table)";

    public static CostReport Daily(IReadOnlyList<StorageDay> storage, IReadOnlyList<MeteredWork> work, PriceBook prices)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(work);
        PriceBookValidation.Validated(prices);
        var entries = new Dictionary<(DateOnly, CostDimension, string), (decimal Storage, decimal Compute)>();
        void Add(DateOnly day, CostDimension dimension, string key, decimal storageCost, decimal computeCost)
        {
            var (s, c) = entries.GetValueOrDefault((day, dimension, key));
            entries[(day, dimension, key)] = (s + storageCost, c + computeCost);
        }

        foreach (var row in storage)
        {
            var cost = CostUnits.GbMonths(row.TotalBytes, row.Day) * CostUnits.DeployedTierPrice(row.Tier, prices);
            Add(row.Day, CostDimension.Table, row.Table, cost, 0);
            Add(row.Day, CostDimension.Tier, row.Tier.ToString(), cost, 0);
        }

        foreach (var item in work)
        {
            var cost = ExecutionCost(item, prices);
            Add(item.Day, CostDimension.User, item.User, 0, cost);
            Add(item.Day, CostDimension.Workload, item.Workload.ToString(), 0, cost);
            foreach (var (table, share) in Shares(item))
            {
                Add(item.Day, CostDimension.Table, table, 0, cost * share);
            }
        }

        var ordered = entries
            .Select(e => new CostEntry(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value.Storage, e.Value.Compute))
            .OrderBy(e => e.Day).ThenBy(e => e.Dimension).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new CostReport(ordered, Assumptions(prices));
    }

    /// <summary>What one statement, load or job run cost to compute: its measured CPU hours at one core-hour of the machine.</summary>
    public static decimal ExecutionCost(MeteredWork work, PriceBook prices)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(prices);
        return CostUnits.Hours(work.Cpu) * prices.LocalCoreHour;
    }

    /// <summary>Each table's share of a piece of work: by bytes read, equal when none were read.</summary>
    internal static IEnumerable<(string Table, decimal Share)> Shares(MeteredWork item)
    {
        if (item.Tables.Count == 0)
        {
            return [(NoTable, 1m)];
        }

        var bytes = item.Tables.Sum(t => t.Bytes);
        return bytes == 0
            ? item.Tables.Select(t => (t.Table, 1m / item.Tables.Count))
            : item.Tables.Select(t => (t.Table, t.Bytes / (decimal)bytes));
    }

    private static IReadOnlyList<string> Assumptions(PriceBook prices) =>
    [
        "Storage: a GB is 2^30 bytes; a day costs the GB-month price divided by the days of its month; each table's bytes are its latest version's data files plus the files only older versions need, as the daily metering job measured them.",
        $"Hot tier on this machine's disk at {CostUnits.Money(prices.LocalDiskPerGbMonth, prices)}/GB-month; warm at {CostUnits.Money(prices.WarmPerGbMonth, prices)}/GB-month; cold at {CostUnits.Money(prices.ColdPerGbMonth, prices)}/GB-month {CostUnits.Book(prices)}.",
        $"Compute: measured process CPU time × {CostUnits.Money(prices.LocalCoreHour, prices)} per core-hour ({CostUnits.Money(prices.MachinePerHour, prices)}/hour machine ÷ {prices.MachineCores} cores) {CostUnits.Book(prices)}. CPU time is process-wide, so work running at the same time is each charged the other's CPU too; idle machine time is charged to no one.",
        "A statement's compute is split over the tables it read by the bytes it read from each (equally when it read none); storage is charged to tables and tiers, not to users or workloads.",
    ];
}
