using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;
using static NeuroLake.Tests.Cost.CostFixtures;

namespace NeuroLake.Tests.Cost;

public sealed class CostModelTests
{
    private static readonly DateOnly June10 = new(2026, 6, 10);

    [Fact]
    public void A_day_is_charged_to_tables_users_workloads_and_tiers_as_computed_by_hand()
    {
        // Disk $0.03/GB-month over June's 30 days; one core-hour is $0.80 / 8 = $0.10.
        StorageDay[] storage =
        [
            new(June10, "main.s.orders", StorageTier.Hot, 2 * Gb, 4, 1 * Gb, 2),   // 3 GB × 0.03 / 30 = 0.003
            new(June10, "main.s.archive", StorageTier.Warm, 6 * Gb, 9, 0, 0),       // 6 GB × 0.02 / 30 = 0.004
        ];
        MeteredWork[] work =
        [
            // 0.5 h × 0.10 = 0.05, split by bytes read: 3/4 to orders, 1/4 to archive.
            Work(June10, "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromMinutes(30), new TableScan("main.s.orders", 3 * Gb, 10), new TableScan("main.s.archive", 1 * Gb, 2)),
            // 1 h × 0.10 = 0.10, no table.
            Work(June10, "bo", WorkloadClass.Maintenance, TimeSpan.FromHours(1)),
            // 0.1 h × 0.10 = 0.01, nothing read: split equally.
            Work(June10, "ana", WorkloadClass.Ingestion, TimeSpan.FromMinutes(6), new TableScan("main.s.orders", 0, 0, Written: true), new TableScan("main.s.archive", 0, 0)),
        ];

        var report = CostModel.Daily(storage, work, Prices);

        Assert.Equal(
        [
            new CostEntry(June10, CostDimension.Table, "(no table)", 0, 0.10m),
            new CostEntry(June10, CostDimension.Table, "main.s.archive", 0.004m, 0.0175m),
            new CostEntry(June10, CostDimension.Table, "main.s.orders", 0.003m, 0.0425m),
            new CostEntry(June10, CostDimension.User, "ana", 0, 0.06m),
            new CostEntry(June10, CostDimension.User, "bo", 0, 0.10m),
            new CostEntry(June10, CostDimension.Workload, "Ingestion", 0, 0.01m),
            new CostEntry(June10, CostDimension.Workload, "InteractiveQuery", 0, 0.05m),
            new CostEntry(June10, CostDimension.Workload, "Maintenance", 0, 0.10m),
            new CostEntry(June10, CostDimension.Tier, "Hot", 0.003m, 0),
            new CostEntry(June10, CostDimension.Tier, "Warm", 0.004m, 0),
        ],
        report.Entries.Select(Rounded));
        Assert.Contains(report.Assumptions, a => a.Contains("$0.1 per core-hour ($0.8/hour machine ÷ 8 cores) (Test prices, prices of 2026-05-01)"));
        Assert.Contains(report.Assumptions, a => a.Contains("Hot tier on this machine's disk at $0.03/GB-month"));
    }

    [Fact]
    public void A_storage_day_costs_the_month_price_divided_by_that_months_days()
    {
        StorageDay[] storage =
        [
            new(new DateOnly(2026, 2, 10), "main.s.t", StorageTier.Hot, 14 * Gb, 1, 0, 0), // 14 × 0.03 / 28
            new(June10, "main.s.t", StorageTier.Hot, 15 * Gb, 1, 0, 0),                    // 15 × 0.03 / 30
        ];

        var tables = CostModel.Daily(storage, [], Prices).Entries.Where(e => e.Dimension == CostDimension.Table).ToList();

        Assert.Equal([0.015m, 0.015m], tables.Select(e => Math.Round(e.Storage, 10)));
    }

    [Fact]
    public void One_execution_costs_its_cpu_hours_at_the_machines_core_hour()
    {
        var work = Work(June10, "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromMinutes(90));

        Assert.Equal(0.15m, CostModel.ExecutionCost(work, Prices)); // 1.5 h × $0.80 / 8 cores
    }

    [Fact]
    public void An_invalid_price_book_is_refused_before_anything_is_priced()
    {
        var error = Assert.Throws<CostException>(() => CostModel.Daily([], [], Prices with { MachinePerHour = -1 }));

        Assert.Contains("MachinePerHour is -1", error.Message);
    }

    private static CostEntry Rounded(CostEntry e) => e with { Storage = Math.Round(e.Storage, 10), Compute = Math.Round(e.Compute, 10) };
}
