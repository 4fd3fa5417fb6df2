using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>A period's usage reduced to what the deployment models price: GB-months per tier, CPU hours, object reads.</summary>
internal sealed class PeriodUsage
{
    private readonly Dictionary<StorageTier, decimal> _gbMonths;

    private PeriodUsage(Dictionary<StorageTier, decimal> gbMonths, decimal cpuHours, long objectFiles, long objectBytes, int days)
    {
        _gbMonths = gbMonths;
        CpuHours = cpuHours;
        ObjectFilesScanned = objectFiles;
        ObjectBytesScanned = objectBytes;
        Days = days;
    }

    public decimal CpuHours { get; }

    /// <summary>Data files scanned from tables in object storage (warm or cold): each is at least one GET.</summary>
    public long ObjectFilesScanned { get; }

    /// <summary>Bytes scanned from tables in object storage: what leaves it when the compute is elsewhere.</summary>
    public long ObjectBytesScanned { get; }

    public int Days { get; }

    public decimal GbMonths(StorageTier tier) => _gbMonths.GetValueOrDefault(tier);

    public static PeriodUsage Of(IReadOnlyList<StorageDay> storage, IReadOnlyList<MeteredWork> work, int days)
    {
        var gbMonths = storage.GroupBy(s => s.Tier).ToDictionary(g => g.Key, g => g.Sum(s => CostUnits.GbMonths(s.TotalBytes, s.Day)));
        // A table's tier is where most of its bytes were on its last measured day; tables never measured count as hot.
        var tierOf = storage.GroupBy(s => s.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Where(s => s.Day == g.Max(x => x.Day)).MaxBy(s => s.TotalBytes)!.Tier, StringComparer.Ordinal);
        var objectScans = work.SelectMany(w => w.Tables).Where(t => tierOf.GetValueOrDefault(t.Table) is not StorageTier.Hot).ToList();
        return new PeriodUsage(
            gbMonths, work.Sum(w => CostUnits.Hours(w.Cpu)), objectScans.Sum(t => t.Files), objectScans.Sum(t => t.Bytes), days);
    }
}
