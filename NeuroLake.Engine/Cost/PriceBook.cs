namespace NeuroLake.Engine.Cost;

/// <summary>
/// What storage, requests, egress and compute cost, for the cost model. "GB" is 2^30 bytes (as the clouds bill it); a
/// GB-month is a GB kept for a whole calendar month, so a day costs the month's price divided by the month's days.
/// </summary>
/// <param name="Name">What the book is, e.g. "AWS list prices".</param>
/// <param name="Source">Where the prices come from, e.g. "AWS us-east-1 public price list".</param>
/// <param name="Currency">ISO 4217 code of every price, e.g. USD.</param>
/// <param name="PricesAsOf">The day the prices were read from their source (not the day they were entered).</param>
/// <param name="HotPerGbMonth">Hot tier in the cloud: block storage beside the compute (e.g. EBS gp3), for the cloud-only model.</param>
/// <param name="WarmPerGbMonth">Warm tier: object storage's standard class (e.g. S3 Standard).</param>
/// <param name="ColdPerGbMonth">Cold tier: object storage's archive class (e.g. S3 Glacier Deep Archive).</param>
/// <param name="PutPer1000">Object writes (PUT, COPY, POST, LIST) per 1,000 requests.</param>
/// <param name="GetPer1000">Object reads (GET) per 1,000 requests.</param>
/// <param name="EgressPerGb">Data leaving the cloud per GB (read by compute outside it).</param>
/// <param name="LocalDiskPerGbMonth">This installation's own disk per GB-month (hardware over its life, redundancy included).</param>
/// <param name="MachinePerHour">This installation's machine per hour (hardware over its life, power, hosting), busy or idle.</param>
/// <param name="MachineCores">The machine's cores, to price one core-hour of measured CPU time.</param>
/// <param name="CloudComputePerVcpuHour">Cloud compute per vCPU-hour (on-demand general purpose), for the cloud-only model.</param>
public sealed record PriceBook(
    string Name,
    string Source,
    string Currency,
    DateOnly PricesAsOf,
    decimal HotPerGbMonth,
    decimal WarmPerGbMonth,
    decimal ColdPerGbMonth,
    decimal PutPer1000,
    decimal GetPer1000,
    decimal EgressPerGb,
    decimal LocalDiskPerGbMonth,
    decimal MachinePerHour,
    int MachineCores,
    decimal CloudComputePerVcpuHour)
{
    /// <summary>What one core-hour of this machine costs: the machine's hour shared by its cores.</summary>
    public decimal LocalCoreHour => MachinePerHour / MachineCores;
}

/// <summary>A price book as saved: who entered it and when. The newest saved book is the one in force.</summary>
public sealed record SavedPriceBook(Guid Id, PriceBook Prices, string EnteredBy, DateTimeOffset EnteredAt);
