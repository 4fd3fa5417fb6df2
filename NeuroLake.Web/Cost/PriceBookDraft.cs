using NeuroLake.Engine.Cost;

namespace NeuroLake.Web.Cost;

/// <summary>The price book form's fields, filled from the book in force or a preset; problems are reported per field.</summary>
public sealed class PriceBookDraft
{
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public string Currency { get; set; } = "";
    public DateTime? PricesAsOf { get; set; }
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

    public static PriceBookDraft From(PriceBook b) => new()
    {
        Name = b.Name, Source = b.Source, Currency = b.Currency, PricesAsOf = b.PricesAsOf.ToDateTime(TimeOnly.MinValue),
        HotPerGbMonth = b.HotPerGbMonth, WarmPerGbMonth = b.WarmPerGbMonth, ColdPerGbMonth = b.ColdPerGbMonth,
        PutPer1000 = b.PutPer1000, GetPer1000 = b.GetPer1000, EgressPerGb = b.EgressPerGb,
        LocalDiskPerGbMonth = b.LocalDiskPerGbMonth, MachinePerHour = b.MachinePerHour, MachineCores = b.MachineCores,
        CloudComputePerVcpuHour = b.CloudComputePerVcpuHour,
    };

    public PriceBook ToBook() => new(
        Name.Trim(), Source.Trim(), Currency.Trim(), PricesAsOf is { } d ? DateOnly.FromDateTime(d) : default,
        HotPerGbMonth, WarmPerGbMonth, ColdPerGbMonth, PutPer1000, GetPer1000, EgressPerGb,
        LocalDiskPerGbMonth, MachinePerHour, MachineCores, CloudComputePerVcpuHour);

    /// <summary>
    /// <see cref="PriceBookValidation"/>'s problems keyed by the field they name (each problem starts with it), so the
    /// form shows each under its field.
    /// </summary>
    public IReadOnlyDictionary<string, string> Problems() =>
        PriceBookValidation.Problems(ToBook())
            .GroupBy(p => p.Split(' ', 2)[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g), StringComparer.Ordinal);
}
