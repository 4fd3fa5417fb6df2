using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Metering;

/// <summary>The daily metering job over real Delta tables registered in a real catalog.</summary>
public sealed class StorageMeteringJobTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private DuckDbDatabase? _duckDb;
    private MeteredWorkStore? _work;

    private StorageDayStore Storage => new(Factory);

    private IDbContextFactory<CatalogDbContext> Factory => Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        _work = new MeteredWorkStore(Factory);
    }

    public override async Task DisposeAsync()
    {
        await (_work?.DisposeAsync() ?? ValueTask.CompletedTask);
        _duckDb?.Dispose();
        await base.DisposeAsync();
    }

    private StorageMeteringJob Job(int retentionDays = 400) =>
        new(new StorageSurvey(new RegisteredTables(Factory), _duckDb!), Storage, _work!, new MeteringOptions { RetentionDays = retentionDays }, TimeProvider.System);

    [Fact]
    public async Task The_job_measures_current_and_older_version_bytes_of_every_table_and_a_second_run_replaces_the_day()
    {
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.orders (id BIGINT, note VARCHAR);
            INSERT INTO s.orders SELECT range, repeat('x', 100) FROM range(5000);
            INSERT INTO s.orders SELECT range, repeat('y', 100) FROM range(5000, 9000);
            DELETE FROM s.orders WHERE id < 10;
            CREATE TABLE s.empty (id BIGINT);
            """);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var folder = Path.Combine(Warehouse, "main", "s", "orders");
        var detail = (await Rows("DESCRIBE DETAIL s.orders"))[0];
        var (numFiles, sizeInBytes) = ((long)detail[6]!, (long)detail[7]!);
        var (allBytes, allFiles) = TableFiles.Data(folder);

        var outcome = await Job().RunAsync(new Progress<JobStep>(), CancellationToken.None);

        Assert.Equal(JobRunStatus.Succeeded, outcome.Status);
        Assert.StartsWith("Measured 2 tables", outcome.Summary);
        var days = await Storage.ListAsync(today, today);
        Assert.Equal(
        [
            new StorageDay(today, "main.s.empty", StorageTier.Hot, 0, 0, 0, 0),
            new StorageDay(today, "main.s.orders", StorageTier.Hot, sizeInBytes, numFiles, allBytes - sizeInBytes, allFiles - numFiles),
        ],
        days);
        Assert.True(days[1].OlderVersionsFiles > 0, "the DELETE rewrote a file that older versions still read");

        await Run("DROP TABLE s.empty");
        var vacuum = Request() with { AllowShortVacuumRetention = true };
        await Service.ExecuteAsync("VACUUM s.orders RETAIN 0 HOURS", vacuum);
        await Job().RunAsync(new Progress<JobStep>(), CancellationToken.None);

        Assert.Equal([new StorageDay(today, "main.s.orders", StorageTier.Hot, sizeInBytes, numFiles, 0, 0)], await Storage.ListAsync(today, today));
    }

    [Fact]
    public async Task The_job_removes_usage_older_than_the_retention_and_keeps_the_rest()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        await _work!.RecordAsync(Work(now.AddDays(-31)));
        var kept = Work(now.AddDays(-29));
        await _work.RecordAsync(kept);
        await Storage.SaveDayAsync(today.AddDays(-31), [new StorageDay(today.AddDays(-31), "main.s.gone", StorageTier.Hot, 1, 1, 0, 0)], now);
        await Storage.SaveDayAsync(today.AddDays(-29), [new StorageDay(today.AddDays(-29), "main.s.kept", StorageTier.Hot, 1, 1, 0, 0)], now);

        var outcome = await Job(retentionDays: 30).RunAsync(new Progress<JobStep>(), CancellationToken.None);

        Assert.Contains("removed 1 metered statements and job runs and 1 storage rows older than 30 days", outcome.Summary);
        Assert.Equal([kept.Id], (await _work.ListAsync(DateTimeOffset.MinValue, now.AddDays(1))).Select(w => w.Id));
        Assert.Equal(["main.s.kept"], (await Storage.ListAsync(DateOnly.MinValue, today)).Select(s => s.Table));
    }

    [Fact]
    public async Task A_retention_below_one_day_fails_the_run_with_the_setting_to_fix()
    {
        var error = await Assert.ThrowsAsync<JobException>(() => Job(retentionDays: 0).RunAsync(new Progress<JobStep>(), CancellationToken.None));

        Assert.Contains("NeuroLake:Metering:RetentionDays is 0", error.Message);
    }

    private static MeteredWork Work(DateTimeOffset at) =>
        new(Guid.NewGuid(), WorkSource.Statement, WorkloadClass.InteractiveQuery, "ana", "Query", "Ok", at, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0, 0, []);
}
