using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Cost;

/// <summary>
/// The cost questions a dashboard asks, answered from the catalog's measured usage and the price book in force (or one
/// given): cost per day and dimension, the three deployment models, and forecasts of storage, compute and cost.
/// </summary>
public sealed class CostAnalysis(PriceBookStore priceBooks, StorageDayStore storage, MeteredWorkStore work)
{
    /// <summary>Cost of the days [<paramref name="from"/>, <paramref name="to"/>] per table, user, workload class and tier.</summary>
    /// <exception cref="CostException">No price book was given or saved, or the period is reversed.</exception>
    /// <param name="scope">Whose usage to price; everything when null.</param>
    public async Task<CostReport> DailyAsync(
        DateOnly from, DateOnly to, PriceBook? prices = null, CancellationToken ct = default, UsageScope? scope = null)
    {
        var (usage, book) = await LoadAsync(from, to, prices, scope, ct);
        return usage.Visible(CostModel.Daily(usage.Storage, usage.Work, book));
    }

    /// <summary>The usage of [<paramref name="from"/>, <paramref name="to"/>] priced cloud-only, hybrid and local-only.</summary>
    /// <exception cref="CostException">No price book was given or saved, or the period is reversed.</exception>
    /// <param name="scope">Whose usage to price; everything when null.</param>
    public async Task<IReadOnlyList<DeploymentCost>> CompareAsync(
        DateOnly from, DateOnly to, PriceBook? prices = null, CancellationToken ct = default, UsageScope? scope = null)
    {
        var (usage, book) = await LoadAsync(from, to, prices, scope, ct);
        return DeploymentComparison.Compare(usage.Storage, usage.Work, book, from, to);
    }

    /// <summary>
    /// Forecasts <paramref name="series"/> for <paramref name="horizonDays"/> days after <paramref name="lastDay"/>, from the
    /// <paramref name="historyDays"/> days up to it (a forecast saying "too little history" when the metering is young).
    /// </summary>
    public async Task<Forecast> ForecastAsync(
        UsageSeries series, DateOnly lastDay, int historyDays, int horizonDays, PriceBook? prices = null, CancellationToken ct = default,
        UsageScope? scope = null)
    {
        scope ??= UsageScope.Everything;
        if (historyDays < 1)
        {
            throw new CostException($"A forecast learns from at least 1 day of history; {historyDays} were asked for.");
        }

        var from = lastDay.AddDays(1 - historyDays);
        var values = series switch
        {
            UsageSeries.StorageBytes => DailySeries.StorageBytes((await scope.ApplyAsync(await storage.ListAsync(from, lastDay, ct), [], ct)).Storage),
            UsageSeries.CpuHours => DailySeries.CpuHours(
                (await scope.ApplyAsync([], await work.ListAsync(Start(from), Start(lastDay.AddDays(1)), ct), ct)).Work, from, lastDay),
            UsageSeries.Cost => DailySeries.Cost(await DailyAsync(from, lastDay, prices, ct, scope), from, lastDay),
            _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Forecast StorageBytes, CpuHours or Cost."),
        };
        return DailyForecaster.Fit(values, horizonDays);
    }

    private async Task<(ScopedUsage, PriceBook)> LoadAsync(DateOnly from, DateOnly to, PriceBook? prices, UsageScope? scope, CancellationToken ct)
    {
        CostPeriod.Check(from, to);

        var book = prices ?? (await priceBooks.CurrentAsync(ct))?.Prices
            ?? throw new CostException("No price book is saved yet: save one (start from a preset: AWS, Azure, Google Cloud or MinIO on own hardware) before asking for costs.");
        var days = await storage.ListAsync(from, to, ct);
        var metered = await work.ListAsync(Start(from), Start(to.AddDays(1)), ct);
        return (await (scope ?? UsageScope.Everything).ApplyAsync(days, metered, ct), book);
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
