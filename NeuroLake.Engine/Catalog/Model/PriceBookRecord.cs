namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One saved price book; the newest is the one in force.</summary>
internal sealed class PriceBookRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Source { get; set; } = "";

    public string Currency { get; set; } = "";

    public DateOnly PricesAsOf { get; set; }

    public decimal HotPerGbMonth { get; set; }

    public decimal WarmPerGbMonth { get; set; }

    public decimal ColdPerGbMonth { get; set; }

    public decimal PutPer1000 { get; set; }

    public decimal GetPer1000 { get; set; }

    public decimal EgressPerGb { get; set; }

    public decimal LocalDiskPerGbMonth { get; set; }

    public decimal MachinePerHour { get; set; }

    public int MachineCores { get; set; }

    public decimal CloudComputePerVcpuHour { get; set; }

    public string EnteredBy { get; set; } = "";

    public DateTimeOffset EnteredAt { get; set; }
}
