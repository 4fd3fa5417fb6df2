namespace NeuroLake.Engine.Cost;

/// <summary>What a cost entry is charged to.</summary>
public enum CostDimension
{
    Table,
    User,
    Workload,
    Tier,
}

/// <summary>The cost of one day charged to one table, user, workload class or tier, split into storage and compute.</summary>
/// <param name="Key">The table's dotted name, the user, the workload class or the tier.</param>
public sealed record CostEntry(DateOnly Day, CostDimension Dimension, string Key, decimal Storage, decimal Compute)
{
    public decimal Total => Storage + Compute;
}

/// <summary>Cost entries with the assumptions they were computed under, in words with their figures.</summary>
public sealed record CostReport(IReadOnlyList<CostEntry> Entries, IReadOnlyList<string> Assumptions);
