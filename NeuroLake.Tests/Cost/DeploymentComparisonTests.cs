using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;
using static NeuroLake.Tests.Cost.CostFixtures;

namespace NeuroLake.Tests.Cost;

public sealed class DeploymentComparisonTests
{
    private static readonly DateOnly June1 = new(2026, 6, 1);
    private static readonly DateOnly June2 = new(2026, 6, 2);

    [Fact]
    public void Two_days_of_usage_priced_cloud_only_hybrid_and_local_only_as_computed_by_hand()
    {
        // Each day: 3 GB hot (orders) and 6 GB warm (archive). GB-months over two June days: hot 2 × 3/30 = 0.2, warm 2 × 6/30 = 0.4.
        var storage = new[] { June1, June2, June1.AddDays(5) }.SelectMany(day => new StorageDay[]
        {
            new(day, "main.s.orders", StorageTier.Hot, 2 * Gb, 3, 1 * Gb, 1),
            new(day, "main.s.archive", StorageTier.Warm, 6 * Gb, 4000, 0, 0),
        }).ToList();
        MeteredWork[] work =
        [
            Work(June1, "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromMinutes(30), new TableScan("main.s.orders", 3 * Gb, 10), new TableScan("main.s.archive", 1 * Gb, 4000)),
            Work(June2, "bo", WorkloadClass.Maintenance, TimeSpan.FromHours(1)),
            Work(June1.AddDays(5), "bo", WorkloadClass.Maintenance, TimeSpan.FromHours(100)), // outside the period
        ];

        var costs = DeploymentComparison.Compare(storage, work, Prices, June1, June2).ToDictionary(c => c.Model);

        // Cloud-only: 0.2 × 0.09 + 0.4 × 0.02 = 0.026 storage; 1.5 vCPU-h × 0.05 = 0.075; 4,000 GETs on the warm table × 0.0004/1,000 = 0.0016.
        Assert.Equal((0.026m, 0.075m, 0.0016m, 0m), Parts(costs[DeploymentModel.CloudOnly]));
        // Hybrid: 0.2 × 0.03 + 0.4 × 0.02 = 0.014; the machine 2 days × 24 h × 0.80 = 38.4; same GETs; 1 GB read from warm × 0.09 egress.
        Assert.Equal((0.014m, 38.4m, 0.0016m, 0.09m), Parts(costs[DeploymentModel.Hybrid]));
        // Local-only: 0.6 GB-months × 0.03 = 0.018; the machine 38.4; nothing else.
        Assert.Equal((0.018m, 38.4m, 0m, 0m), Parts(costs[DeploymentModel.LocalOnly]));
        Assert.Equal(0.1026m, Math.Round(costs[DeploymentModel.CloudOnly].Total, 10));

        var cloudStorage = costs[DeploymentModel.CloudOnly].Assumptions[0];
        Assert.Contains("0.2 GB-months hot on block storage × $0.09/GB-month + 0.4 GB-months warm × $0.02/GB-month", cloudStorage);
        Assert.Contains("(Test prices, prices of 2026-05-01) = $0.026", cloudStorage);
        Assert.Contains("1.5 vCPU-hours measured × $0.05/vCPU-hour", costs[DeploymentModel.CloudOnly].Assumptions[1]);
        Assert.Contains("2 days × 24 h × $0.8/hour", costs[DeploymentModel.LocalOnly].Assumptions[1]);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var error = Assert.Throws<CostException>(() => DeploymentComparison.Compare([], [], Prices, June2, June1));

        Assert.Contains("ends (2026-06-01) before it starts (2026-06-02)", error.Message);
    }

    private static (decimal, decimal, decimal, decimal) Parts(DeploymentCost c) =>
        (Math.Round(c.Storage, 10), Math.Round(c.Compute, 10), Math.Round(c.Requests, 10), Math.Round(c.Egress, 10));
}
