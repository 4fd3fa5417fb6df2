using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Tests.Cost;

/// <summary>Round figures the cost tests compute by hand.</summary>
internal static class CostFixtures
{
    public const long Gb = 1L << 30;

    /// <summary>Disk $0.03/GB-month, machine $0.80/hour with 8 cores ($0.10 per core-hour), cloud vCPU $0.05/hour.</summary>
    public static PriceBook Prices { get; } = new(
        "Test prices", "hand-made for tests", "USD", new DateOnly(2026, 5, 1),
        HotPerGbMonth: 0.09m, WarmPerGbMonth: 0.02m, ColdPerGbMonth: 0.001m,
        PutPer1000: 0.005m, GetPer1000: 0.0004m, EgressPerGb: 0.09m,
        LocalDiskPerGbMonth: 0.03m, MachinePerHour: 0.80m, MachineCores: 8, CloudComputePerVcpuHour: 0.05m);

    public static MeteredWork Work(
        DateOnly day, string user, WorkloadClass workload, TimeSpan cpu, params TableScan[] tables) =>
        new(Guid.NewGuid(), WorkSource.Statement, workload, user, "Query", "Ok", new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            cpu, cpu, tables.Sum(t => t.Bytes), tables.Sum(t => t.Files), tables);
}
