using System.Globalization;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>The units the cost model prices in, and how its assumptions print figures.</summary>
internal static class CostUnits
{
    /// <summary>A GB as the clouds bill storage: 2^30 bytes.</summary>
    public const decimal BytesPerGb = 1_073_741_824m;

    public static decimal Gb(long bytes) => bytes / BytesPerGb;

    /// <summary>GB-months that <paramref name="bytes"/> kept for one <paramref name="day"/> amount to.</summary>
    public static decimal GbMonths(long bytes, DateOnly day) => Gb(bytes) / DateTime.DaysInMonth(day.Year, day.Month);

    public static decimal Hours(TimeSpan time) => time.Ticks / (decimal)TimeSpan.TicksPerHour;

    /// <summary>The price per GB-month of a tier as this installation runs: hot on its own disk, warm and cold in object storage.</summary>
    public static decimal DeployedTierPrice(StorageTier tier, PriceBook prices) => tier switch
    {
        StorageTier.Hot => prices.LocalDiskPerGbMonth,
        StorageTier.Warm => prices.WarmPerGbMonth,
        StorageTier.Cold => prices.ColdPerGbMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown storage tier."),
    };

    public static string Money(decimal amount, PriceBook prices) =>
        string.Create(CultureInfo.InvariantCulture, $"{(prices.Currency == "USD" ? "$" : prices.Currency + " ")}{amount:0.######}");

    public static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>"(AWS list prices, prices of 2025-01-15)": which book a figure comes from.</summary>
    public static string Book(PriceBook prices) => string.Create(CultureInfo.InvariantCulture, $"({prices.Name}, prices of {prices.PricesAsOf:yyyy-MM-dd})");
}
