using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>
/// The same measured usage priced three ways (cloud-only, hybrid, local-only), every figure beside the assumption that
/// produced it. Pure: records in, costs out.
/// </summary>
public static class DeploymentComparison
{
    /// <summary>
    /// Prices the usage of the days [<paramref name="from"/>, <paramref name="to"/>] (storage rows and work outside them
    /// are ignored). Object reads are one GET per data file scanned, a lower bound: Parquet readers often make two or
    /// three range requests per file. Writes' PUT requests are not metered yet and are left out.
    /// </summary>
    public static IReadOnlyList<DeploymentCost> Compare(
        IReadOnlyList<StorageDay> storage, IReadOnlyList<MeteredWork> work, PriceBook prices, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(work);
        PriceBookValidation.Validated(prices);
        CostPeriod.Check(from, to);

        var usage = PeriodUsage.Of(storage.Where(s => s.Day >= from && s.Day <= to).ToList(), work.Where(w => w.Day >= from && w.Day <= to).ToList(), to.DayNumber - from.DayNumber + 1);
        return [CloudOnly(usage, prices), Hybrid(usage, prices), LocalOnly(usage, prices)];
    }

    private static DeploymentCost CloudOnly(PeriodUsage u, PriceBook p)
    {
        var storage = u.GbMonths(StorageTier.Hot) * p.HotPerGbMonth + u.GbMonths(StorageTier.Warm) * p.WarmPerGbMonth + u.GbMonths(StorageTier.Cold) * p.ColdPerGbMonth;
        var compute = u.CpuHours * p.CloudComputePerVcpuHour;
        var requests = u.ObjectFilesScanned / 1000m * p.GetPer1000;
        return new DeploymentCost(DeploymentModel.CloudOnly, storage, compute, requests, 0,
        [
            $"cloud-only storage: {Tiered(u, p.HotPerGbMonth, "hot on block storage", p)} = {CostUnits.Money(storage, p)}",
            $"cloud-only compute: {CostUnits.Number(u.CpuHours)} vCPU-hours measured × {CostUnits.Money(p.CloudComputePerVcpuHour, p)}/vCPU-hour {CostUnits.Book(p)} = {CostUnits.Money(compute, p)}; billed per hour used, as on-demand or serverless compute (an always-on VM would cost more)",
            Requests("cloud-only", u, p, requests),
            "cloud-only egress: none counted (compute and storage in one region; results sent to users are not metered)",
        ]);
    }

    private static DeploymentCost Hybrid(PeriodUsage u, PriceBook p)
    {
        var storage = u.GbMonths(StorageTier.Hot) * p.LocalDiskPerGbMonth + u.GbMonths(StorageTier.Warm) * p.WarmPerGbMonth + u.GbMonths(StorageTier.Cold) * p.ColdPerGbMonth;
        var compute = Machine(u, p);
        var requests = u.ObjectFilesScanned / 1000m * p.GetPer1000;
        var egress = CostUnits.Gb(u.ObjectBytesScanned) * p.EgressPerGb;
        return new DeploymentCost(DeploymentModel.Hybrid, storage, compute, requests, egress,
        [
            $"hybrid storage (tiers as measured): {Tiered(u, p.LocalDiskPerGbMonth, "hot on this machine's disk", p)} = {CostUnits.Money(storage, p)}",
            MachineText("hybrid", u, p, compute),
            Requests("hybrid", u, p, requests),
            $"hybrid egress: {CostUnits.Number(CostUnits.Gb(u.ObjectBytesScanned))} GB scanned from warm and cold tables × {CostUnits.Money(p.EgressPerGb, p)}/GB {CostUnits.Book(p)} = {CostUnits.Money(egress, p)}",
        ]);
    }

    private static DeploymentCost LocalOnly(PeriodUsage u, PriceBook p)
    {
        var gbMonths = u.GbMonths(StorageTier.Hot) + u.GbMonths(StorageTier.Warm) + u.GbMonths(StorageTier.Cold);
        var storage = gbMonths * p.LocalDiskPerGbMonth;
        var compute = Machine(u, p);
        return new DeploymentCost(DeploymentModel.LocalOnly, storage, compute, 0, 0,
        [
            $"local-only storage: {CostUnits.Number(gbMonths)} GB-months × {CostUnits.Money(p.LocalDiskPerGbMonth, p)}/GB-month on this machine's disk {CostUnits.Book(p)} = {CostUnits.Money(storage, p)}",
            MachineText("local-only", u, p, compute),
            "local-only requests and egress: none (no object store, no cloud)",
        ]);
    }

    private static decimal Machine(PeriodUsage u, PriceBook p) => u.Days * 24 * p.MachinePerHour;

    private static string MachineText(string model, PeriodUsage u, PriceBook p, decimal compute) =>
        $"{model} compute: the machine runs all day, busy or idle: {u.Days} days × 24 h × {CostUnits.Money(p.MachinePerHour, p)}/hour {CostUnits.Book(p)} = {CostUnits.Money(compute, p)}";

    private static string Requests(string model, PeriodUsage u, PriceBook p, decimal requests) =>
        $"{model} requests: {u.ObjectFilesScanned:N0} GETs (one per data file scanned in warm and cold tables) × {CostUnits.Money(p.GetPer1000, p)} per 1,000 {CostUnits.Book(p)} = {CostUnits.Money(requests, p)}";

    private static string Tiered(PeriodUsage u, decimal hotPrice, string hotWhere, PriceBook p) =>
        $"{CostUnits.Number(u.GbMonths(StorageTier.Hot))} GB-months {hotWhere} × {CostUnits.Money(hotPrice, p)}/GB-month"
        + $" + {CostUnits.Number(u.GbMonths(StorageTier.Warm))} GB-months warm × {CostUnits.Money(p.WarmPerGbMonth, p)}/GB-month"
        + $" + {CostUnits.Number(u.GbMonths(StorageTier.Cold))} GB-months cold × {CostUnits.Money(p.ColdPerGbMonth, p)}/GB-month {CostUnits.Book(p)}";
}
