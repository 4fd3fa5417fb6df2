namespace NeuroLake.Engine.Cost;

/// <summary>
/// Starting points for a price book. The cloud figures are public list prices (on-demand, first pricing tier, no
/// discounts) as published in January 2025 for the region named in each preset's source; clouds change prices, so a
/// book records the day its prices were read (<see cref="PriceBook.PricesAsOf"/>) and an administrator edits them.
/// The own-hardware figures are estimates, not prices anyone publishes; each says how it was reached.
/// </summary>
public static class PriceBookPresets
{
    private static readonly DateOnly ListPricesRead = new(2025, 1, 15);

    // A mirrored SSD at about $80/TB bought once and used four years ($0.0033/GB-month), plus power and space: about $0.005.
    private const decimal OwnDiskPerGbMonth = 0.005m;

    // A $2,500 server over four years (about $0.071/h) plus 150 W at $0.20/kWh ($0.03/h): about $0.10 an hour.
    private const decimal OwnMachinePerHour = 0.10m;

    /// <summary>AWS us-east-1: EBS gp3, S3 Standard, S3 Glacier Deep Archive, S3 request prices, internet egress, m5.large per vCPU.</summary>
    public static PriceBook Aws { get; } = new(
        "AWS list prices", "AWS us-east-1 public price list (EBS gp3, S3 Standard, S3 Glacier Deep Archive, m5.large on demand)", "USD", ListPricesRead,
        HotPerGbMonth: 0.08m, WarmPerGbMonth: 0.023m, ColdPerGbMonth: 0.00099m,
        PutPer1000: 0.005m, GetPer1000: 0.0004m, EgressPerGb: 0.09m,
        OwnDiskPerGbMonth, OwnMachinePerHour, Environment.ProcessorCount,
        CloudComputePerVcpuHour: 0.048m); // m5.large: $0.096 an hour for 2 vCPUs

    /// <summary>Azure East US: Standard SSD managed disk, Blob Hot and Archive (LRS), Hot-tier operations, internet egress, D2s v5 per vCPU.</summary>
    public static PriceBook Azure { get; } = new(
        "Azure list prices", "Azure East US public price list (Standard SSD E10, Blob Storage Hot and Archive LRS, D2s v5 pay as you go)", "USD", ListPricesRead,
        HotPerGbMonth: 0.075m, WarmPerGbMonth: 0.0184m, ColdPerGbMonth: 0.00099m, // E10: $9.60 a month for 128 GiB
        PutPer1000: 0.0065m, GetPer1000: 0.0005m, EgressPerGb: 0.087m, // operations are listed per 10,000: $0.065 and $0.005
        OwnDiskPerGbMonth, OwnMachinePerHour, Environment.ProcessorCount,
        CloudComputePerVcpuHour: 0.048m); // D2s v5: $0.096 an hour for 2 vCPUs

    /// <summary>GCP us-central1: balanced persistent disk, Cloud Storage Standard and Archive, class A/B operations, premium-tier egress, n2-standard-2 per vCPU.</summary>
    public static PriceBook Gcp { get; } = new(
        "Google Cloud list prices", "Google Cloud us-central1 public price list (pd-balanced, Cloud Storage Standard and Archive, n2-standard-2 on demand)", "USD", ListPricesRead,
        HotPerGbMonth: 0.10m, WarmPerGbMonth: 0.020m, ColdPerGbMonth: 0.0012m,
        PutPer1000: 0.005m, GetPer1000: 0.0004m, EgressPerGb: 0.12m, // class A $0.05 and class B $0.004 per 10,000
        OwnDiskPerGbMonth, OwnMachinePerHour, Environment.ProcessorCount,
        CloudComputePerVcpuHour: 0.0486m); // n2-standard-2: $0.0971 an hour for 2 vCPUs

    /// <summary>
    /// MinIO on own hardware: every tier on machines you own, so no request or egress charges. Warm and cold share HDDs at
    /// about $20/TB with erasure coding's 1.5× overhead over four years, plus their server's share: about $0.002 per GB-month
    /// (MinIO has no archive class). Compute is a core-hour of an 8-core machine at <c>OwnMachinePerHour</c>.
    /// </summary>
    public static PriceBook MinIoOwnHardware { get; } = new(
        "MinIO on own hardware", "Estimates for owned servers (see NeuroLake.Engine.Cost.PriceBookPresets)", "USD", ListPricesRead,
        HotPerGbMonth: OwnDiskPerGbMonth, WarmPerGbMonth: 0.002m, ColdPerGbMonth: 0.002m,
        PutPer1000: 0m, GetPer1000: 0m, EgressPerGb: 0m,
        OwnDiskPerGbMonth, OwnMachinePerHour, Environment.ProcessorCount,
        CloudComputePerVcpuHour: OwnMachinePerHour / 8);

    /// <summary>Every preset, for a picker.</summary>
    public static IReadOnlyList<PriceBook> All { get; } = [Aws, Azure, Gcp, MinIoOwnHardware];
}
