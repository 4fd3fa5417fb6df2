using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>What can be forecast: a daily series built from measured usage.</summary>
public enum UsageSeries
{
    /// <summary>Bytes stored (current and older versions, every tier) per measured day.</summary>
    StorageBytes,

    /// <summary>Measured CPU hours per day (a day without work is zero).</summary>
    CpuHours,

    /// <summary>Storage plus compute cost per day, as <see cref="CostModel"/> charges it.</summary>
    Cost,
}

/// <summary>Turns usage records into daily series for <see cref="DailyForecaster"/>. Pure.</summary>
public static class DailySeries
{
    /// <summary>Total bytes per day the metering job measured; days it did not run are absent, not zero.</summary>
    public static IReadOnlyList<DailyValue> StorageBytes(IReadOnlyList<StorageDay> storage) =>
        storage.GroupBy(s => s.Day).OrderBy(g => g.Key).Select(g => new DailyValue(g.Key, g.Sum(s => (double)s.TotalBytes))).ToList();

    /// <summary>CPU hours per day of [<paramref name="from"/>, <paramref name="to"/>]; a day without metered work is zero.</summary>
    public static IReadOnlyList<DailyValue> CpuHours(IReadOnlyList<MeteredWork> work, DateOnly from, DateOnly to)
    {
        var byDay = work.GroupBy(w => w.Day).ToDictionary(g => g.Key, g => (double)g.Sum(w => CostUnits.Hours(w.Cpu)));
        return Days(from, to).Select(d => new DailyValue(d, byDay.GetValueOrDefault(d))).ToList();
    }

    /// <summary>
    /// Cost per day of [<paramref name="from"/>, <paramref name="to"/>]: storage as charged to tiers plus compute as charged to
    /// workload classes (each counted once). Days without a storage measurement are absent: their cost is unknown, not zero.
    /// </summary>
    public static IReadOnlyList<DailyValue> Cost(CostReport report, DateOnly from, DateOnly to)
    {
        var measured = report.Entries.Where(e => e.Dimension == CostDimension.Tier).Select(e => e.Day).ToHashSet();
        var byDay = report.Entries.Where(e => e.Dimension is CostDimension.Tier or CostDimension.Workload)
            .GroupBy(e => e.Day).ToDictionary(g => g.Key, g => (double)g.Sum(e => e.Total));
        return Days(from, to).Where(measured.Contains).Select(d => new DailyValue(d, byDay.GetValueOrDefault(d))).ToList();
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) =>
        Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays);
}
