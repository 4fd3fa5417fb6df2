using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Metering;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Metering;

public sealed class MeteringStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory, CatalogProviders]
    public async Task Queued_work_round_trips_with_its_tables_and_run_and_is_listed_by_start_time(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        await using var store = new MeteredWorkStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());
        var runId = Guid.NewGuid();
        var statement = new MeteredWork(
            Guid.NewGuid(), WorkSource.Statement, WorkloadClass.Ingestion, "ana", "Insert", "Ok", Noon, TimeSpan.FromMilliseconds(1234.5678),
            TimeSpan.FromTicks(98_765), 4096, 3, [new TableScan("main.s.a", 4096, 3), new TableScan("main.s.b", 0, 0, Written: true)], runId);
        var job = new MeteredWork(
            Guid.NewGuid(), WorkSource.JobRun, WorkloadClass.Ingestion, "ana", "Pipeline", "Failed", Noon.AddMinutes(-1), TimeSpan.FromSeconds(3),
            TimeSpan.Zero, 0, 0, [], runId);
        var tomorrow = statement with { Id = Guid.NewGuid(), StartedAt = Noon.AddDays(1) };

        await store.QueueAsync(statement);
        await store.QueueAsync(job);
        await store.QueueAsync(tomorrow);
        var listed = await store.ListAsync(Noon.AddHours(-12), Noon.AddHours(12));

        Assert.Equal([job.Id, statement.Id], listed.Select(w => w.Id));
        var read = listed[1];
        Assert.Equal(statement with { Tables = [] }, read with { Tables = [] });
        Assert.Equal(statement.Tables, read.Tables);
        Assert.Equal(new DateOnly(2026, 11, 20), read.Day);
    }

    [Theory, CatalogProviders]
    public async Task Work_without_a_user_is_refused_when_queued(CatalogProvider provider)
    {
        var services = await databases.OpenAsync(provider);
        await using var store = new MeteredWorkStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());
        var work = new MeteredWork(Guid.NewGuid(), WorkSource.Statement, WorkloadClass.InteractiveQuery, " ", "Query", "Ok", Noon, TimeSpan.Zero, TimeSpan.Zero, 0, 0, []);

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.QueueAsync(work).AsTask());

        Assert.Contains("user's name", error.Message);
    }

    [Theory, CatalogProviders]
    public async Task Storage_days_round_trip_a_saved_day_replaces_the_earlier_one_and_pruning_keeps_later_days(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var store = new StorageDayStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());
        var day = new DateOnly(2026, 11, 20);
        StorageDay[] first = [new(day, "main.s.a", StorageTier.Hot, 10, 1, 5, 1), new(day, "main.s.b", StorageTier.Warm, 3_000_000_000_000, 9, 0, 0)];
        StorageDay[] again = [new(day, "main.s.a", StorageTier.Hot, 12, 2, 0, 0)];
        StorageDay[] next = [new(day.AddDays(1), "main.s.a", StorageTier.Hot, 12, 2, 0, 0)];

        await store.SaveDayAsync(day, first, Noon);
        Assert.Equal(first, await store.ListAsync(day, day));
        await store.SaveDayAsync(day, again, Noon.AddHours(1));
        await store.SaveDayAsync(day.AddDays(1), next, Noon.AddDays(1));

        Assert.Equal([.. again, .. next], await store.ListAsync(day, day.AddDays(1)));
        Assert.Equal(1, await store.PruneAsync(day.AddDays(1)));
        Assert.Equal(next, await store.ListAsync(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.Throws<ArgumentException>(() => store.SaveDayAsync(day, next, Noon).GetAwaiter().GetResult());
    }
}
