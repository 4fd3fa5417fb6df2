using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Metering;
using NeuroLake.Tests.Catalog;
using static NeuroLake.Tests.Cost.CostFixtures;

namespace NeuroLake.Tests.Cost;

/// <summary>Cost questions answered from usage stored in a real catalog.</summary>
public sealed class CostAnalysisTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>, IAsyncLifetime
{
    private readonly List<MeteredWorkStore> _opened = [];

    private static readonly DateOnly First = new(2026, 6, 1); // a Monday

    [Fact]
    public async Task Costs_need_a_price_book_and_use_the_one_in_force()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var (analysis, books, storage, work) = Open(services);
        await storage.SaveDayAsync(First, [new StorageDay(First, "main.s.t", StorageTier.Hot, 3 * Gb, 1, 0, 0)], DateTimeOffset.UtcNow);
        await work.RecordAsync(Work(First, "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromMinutes(30), new TableScan("main.s.t", Gb, 1)));
        await work.RecordAsync(Work(First.AddDays(1), "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromHours(9)));

        var missing = await Assert.ThrowsAsync<CostException>(() => analysis.DailyAsync(First, First));
        await books.SaveAsync(Prices, "ana");
        var report = await analysis.DailyAsync(First, First);
        var compared = await analysis.CompareAsync(First, First);

        Assert.StartsWith("No price book is saved yet", missing.Message);
        // 3 GB × 0.03 / 30 = 0.003 storage; 0.5 h × 0.10 = 0.05 compute; the next day's work is outside the period.
        var table = report.Entries.Single(e => e.Dimension == CostDimension.Table);
        Assert.Equal((0.003m, 0.05m), (Math.Round(table.Storage, 10), Math.Round(table.Compute, 10)));
        Assert.Equal(24 * 0.80m, compared.Single(c => c.Model == DeploymentModel.LocalOnly).Compute);
        Assert.Contains("prices of 2026-05-01", string.Join(" ", report.Assumptions));
    }

    [Fact]
    public async Task A_users_scope_prices_only_their_own_work_and_the_tables_it_keeps()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var (analysis, books, storage, work) = Open(services);
        await books.SaveAsync(Prices, "ana");
        await storage.SaveDayAsync(First,
            [new StorageDay(First, "main.s.open", StorageTier.Hot, 3 * Gb, 1, 0, 0), new StorageDay(First, "main.s.secret", StorageTier.Hot, 6 * Gb, 1, 0, 0)],
            DateTimeOffset.UtcNow);
        await work.RecordAsync(Work(First, "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromMinutes(30), new TableScan("main.s.open", Gb, 1), new TableScan("main.s.secret", Gb, 1)));
        await work.RecordAsync(Work(First, "bo", WorkloadClass.Maintenance, TimeSpan.FromHours(2), new TableScan("main.s.secret", Gb, 1)));
        IReadOnlyCollection<string>? asked = null;
        var scope = UsageScope.Own("ana", (names, _) =>
        {
            asked = names;
            return Task.FromResult<IReadOnlySet<string>>(names.Where(n => n == "main.s.open").ToHashSet());
        });

        var report = await analysis.DailyAsync(First, First, scope: scope);
        var all = await analysis.DailyAsync(First, First, scope: UsageScope.Everything);

        Assert.Equal(["main.s.open", "main.s.secret"], asked!.Order());
        Assert.Equal(["ana"], report.Entries.Where(e => e.Dimension == CostDimension.User).Select(e => e.Key));
        Assert.Equal(["main.s.open"], report.Entries.Where(e => e.Dimension == CostDimension.Table).Select(e => e.Key));
        Assert.Equal(["InteractiveQuery"], report.Entries.Where(e => e.Dimension == CostDimension.Workload).Select(e => e.Key));
        // Hot storage of the open table only: 3 GB × 0.03 / 30; half of ana's 0.05 compute goes to the table she may see.
        var tier = report.Entries.Single(e => e.Dimension == CostDimension.Tier);
        Assert.Equal(0.003m, Math.Round(tier.Storage, 10));
        Assert.Equal(0.025m, Math.Round(report.Entries.Single(e => e.Dimension == CostDimension.Table).Compute, 10));
        Assert.Equal(["ana", "bo"], all.Entries.Where(e => e.Dimension == CostDimension.User).Select(e => e.Key));
    }

    [Fact]
    public async Task Storage_is_forecast_from_the_measured_days_and_a_young_installation_is_told_it_has_too_little_history()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var (analysis, _, storage, _) = Open(services);
        for (var t = 0; t < 21; t++)
        {
            var day = First.AddDays(t);
            // 10 GB growing by 0.5 GB a day, plus 2 GB more of older versions on weekdays (VACUUM runs at weekends).
            var older = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 2 * Gb;
            await storage.SaveDayAsync(day, [new StorageDay(day, "main.s.t", StorageTier.Hot, 10 * Gb + t * (Gb / 2), 1, older, 1)], DateTimeOffset.UtcNow);
        }

        var young = await analysis.ForecastAsync(UsageSeries.StorageBytes, First.AddDays(9), historyDays: 10, horizonDays: 30);
        var forecast = await analysis.ForecastAsync(UsageSeries.StorageBytes, First.AddDays(20), historyDays: 90, horizonDays: 30);

        Assert.Equal("Too little history to forecast: 10 days measured, at least 14 needed.", young.Message);
        Assert.True(forecast.HasEnoughHistory);
        Assert.Equal(Gb / 2, forecast.TrendPerDay, 3);
        var saturday = forecast.Points.First(p => p.Day.DayOfWeek == DayOfWeek.Saturday);
        Assert.Equal(10.0 * Gb + (saturday.Day.DayNumber - First.DayNumber) * (Gb / 2.0), saturday.Expected, 0);
    }

    [Fact]
    public async Task Cpu_hours_count_days_without_work_as_zero()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var (analysis, _, _, work) = Open(services);
        await work.RecordAsync(Work(First.AddDays(3), "ana", WorkloadClass.InteractiveQuery, TimeSpan.FromHours(2)));

        var series = DailySeries.CpuHours(await work.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), First, First.AddDays(13));
        var forecast = await analysis.ForecastAsync(UsageSeries.CpuHours, First.AddDays(13), historyDays: 14, horizonDays: 7);

        Assert.Equal(14, series.Count);
        Assert.Equal([2.0], series.Where(v => v.Value != 0).Select(v => v.Value));
        Assert.True(forecast.HasEnoughHistory);
        Assert.Equal(7, forecast.Points.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    private (CostAnalysis, PriceBookStore, StorageDayStore, MeteredWorkStore) Open(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        var books = new PriceBookStore(factory, TimeProvider.System);
        var storage = new StorageDayStore(factory);
        var work = new MeteredWorkStore(factory);
        _opened.Add(work);
        return (new CostAnalysis(books, storage, work), books, storage, work);
    }
}
