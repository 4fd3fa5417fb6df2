using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Usage;
using static NeuroLake.Tests.Catalog.CatalogTestData;

namespace NeuroLake.Tests.Catalog;

public sealed class UsageStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    [Theory, CatalogProviders]
    public async Task Reads_and_writes_are_counted_per_day_with_last_access_and_top_users(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var usage = services.GetRequiredService<UsageStore>();
        var (orders, customers) = await RegisterTwoAsync(services);
        await usage.RecordAccessAsync("ana", [orders, customers], [], Day1);
        await usage.RecordAccessAsync("ana", [orders], [], Day1.AddHours(2));
        await usage.RecordAccessAsync("bo", [customers], [orders], Day1.AddDays(1));
        await usage.RecordAccessAsync("chen", [orders], [], Day1.AddDays(5));

        var report = await usage.ReportAsync(orders, DateOnly.FromDateTime(Day1.UtcDateTime), DateOnly.FromDateTime(Day1.UtcDateTime).AddDays(1));

        Assert.Equal([new UsageDay(new DateOnly(2026, 11, 16), 2, 0, 1), new UsageDay(new DateOnly(2026, 11, 17), 0, 1, 1)], report.Days);
        Assert.Equal((2L, 1L, Day1.AddDays(1)), (report.Reads, report.Writes, report.LastAccess!.Value));
        Assert.Equal([new UserUsage("ana", 2, 0), new UserUsage("bo", 0, 1)], report.TopUsers);
    }

    [Theory, CatalogProviders]
    public async Task Access_to_an_unknown_table_is_refused_and_counts_nothing(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        var usage = services.GetRequiredService<UsageStore>();
        var (orders, _) = await RegisterTwoAsync(services);

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            usage.RecordAccessAsync("ana", [orders, orders with { Table = "missing" }], [], Day1));

        Assert.Contains("missing", error.Message);
        var report = await usage.ReportAsync(orders, DateOnly.MinValue, DateOnly.MaxValue);
        Assert.Equal((0L, (DateTimeOffset?)null), (report.Reads, report.LastAccess));
        await Assert.ThrowsAsync<CatalogException>(() => usage.RecordAccessAsync(" ", [orders], [], Day1));
    }

    [Fact]
    public async Task Queued_accesses_are_counted_together_and_an_unknown_table_costs_only_its_own_statement()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var (orders, customers) = await RegisterTwoAsync(services);
        var usage = services.GetRequiredService<UsageStore>();
        var failures = new List<Exception>();
        var now = DateTimeOffset.UtcNow;

        await usage.QueueAccessAsync("ana", [orders, customers], [], now);
        await usage.QueueAccessAsync("ana", [orders with { Table = "missing" }], [], now, failures.Add);
        await usage.QueueAccessAsync("bo", [orders], [orders], now);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var report = await usage.ReportAsync(orders, today, today);
        Assert.Equal(2, report.Reads);
        Assert.Equal(1, report.Writes);
        Assert.IsType<CatalogException>(Assert.Single(failures));
    }

    private static async Task<(SecurablePath, SecurablePath)> RegisterTwoAsync(IServiceProvider services)
    {
        var registrar = services.GetRequiredService<ICatalogRegistrar>();
        var catalog = Unique("c");
        await registrar.RegisterTableAsync(Table(catalog, "s", "orders"));
        await registrar.RegisterTableAsync(Table(catalog, "s", "customers"));
        return (new SecurablePath(catalog, "s", "orders"), new SecurablePath(catalog, "s", "customers"));
    }
}
