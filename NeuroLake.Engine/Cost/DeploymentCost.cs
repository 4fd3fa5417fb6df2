namespace NeuroLake.Engine.Cost;

/// <summary>Where the lakehouse would run.</summary>
public enum DeploymentModel
{
    /// <summary>Everything in one cloud: hot tier on block storage, warm and cold in object storage, compute billed per vCPU-hour used.</summary>
    CloudOnly,

    /// <summary>As tiered now: hot on this machine, warm and cold in object storage, compute on this machine.</summary>
    Hybrid,

    /// <summary>Everything on this machine's disks and cores.</summary>
    LocalOnly,
}

/// <summary>What a period's measured usage would cost under one deployment model, each part with how it was computed.</summary>
public sealed record DeploymentCost(
    DeploymentModel Model, decimal Storage, decimal Compute, decimal Requests, decimal Egress, IReadOnlyList<string> Assumptions)
{
    public decimal Total => Storage + Compute + Requests + Egress;
}
