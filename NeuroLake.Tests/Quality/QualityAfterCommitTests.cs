using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Lineage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Quality;

/// <summary>Statements that change a table's rows leave a quality measurement of the version they wrote, taken in the background.</summary>
public sealed class QualityAfterCommitTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>, IDisposable
{
    private static readonly SecurablePath Table = SecurablePath.ForTable("main", "s", "t");
    private readonly TempFolder _folder = new();

    [Theory, CatalogProviders]
    public async Task Insert_update_delete_and_restore_each_get_a_measurement_of_their_version_and_optimize_none(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        await using var queue = QualityProfileServiceCollectionExtensions.Create(services, duck.Database);
        using var service = Service(services, queue, provider);

        async Task<StatementResult> Run(string sql)
        {
            var result = (await service.ExecuteAsync(sql, new QueryRequest("ana", "s")))[^1];
            await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return result;
        }

        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT range AS id, range % 3 AS grp FROM range(10)");
        await Run("INSERT INTO s.t VALUES (10, 1), (11, NULL)");
        await Run("UPDATE s.t SET grp = NULL WHERE id < 3");
        var optimize = await Run("OPTIMIZE s.t");
        await Run("DELETE FROM s.t WHERE id >= 8");
        var restore = await Run("RESTORE TABLE s.t TO VERSION AS OF 1");

        Assert.Equal((3L, 5L), (optimize.TableWritten?.Version, restore.TableWritten?.Version));
        var measured = await services.GetRequiredService<QualityStore>().QueryAsync(Table, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddMinutes(1));
        var tables = measured.Where(m => m.Column is null).ToList();
        Assert.Equal([0L, 1L, 2L, 4L, 5L], tables.Select(m => m.TableVersion));
        Assert.Equal([10L, 12L, 12L, 8L, 12L], tables.Select(m => m.RowCount!.Value));
        Assert.All(tables, m => Assert.True(m is { Score: not null, Deductions: not null, Findings: not null }, $"version {m.TableVersion} was not scored"));
        var grp = measured.Where(m => m.Column == "grp").ToDictionary(m => m.TableVersion, m => m.NullPercent!.Value);
        Assert.Equal(100.0 / 12, grp[1], 6);
        Assert.Equal(400.0 / 12, grp[2], 6);
        Assert.Equal(100.0 / 12, grp[5], 6);
    }

    [Fact]
    public async Task A_failing_profile_is_logged_and_never_fails_the_statement()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var closed = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        closed.Dispose();
        var logs = new RecordingLoggerFactory();
        await using var queue = QualityProfileServiceCollectionExtensions.Create(services, closed, logs.CreateLogger("quality"));
        using var service = Service(services, queue, CatalogProvider.Sqlite);

        var results = await service.ExecuteAsync(
            "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id; INSERT INTO s.t VALUES (2)", new QueryRequest("ana", "s"));
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1L, 1L), (results[1].RowsAffected!.Value, results[2].TableWritten!.Version));
        // Two commits: two failed profiles, or one when the INSERT arrived before the CTAS's profile began (coalesced).
        Assert.InRange(logs.Entries.Count(e => e.Event.Id == 5401 && e.Exception is not null), 1, 2);
        Assert.Empty(await services.GetRequiredService<QualityStore>().QueryAsync(Table, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Commits_in_quick_succession_cost_one_profile_of_the_newest_version()
    {
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        await using var queue = QualityProfileServiceCollectionExtensions.Create(services, duck.Database, start: false);
        using var service = Service(services, queue, CatalogProvider.Sqlite);

        // The worker has not started, so all four commits wait together, as a burst does behind a running profile.
        await service.ExecuteAsync(
            "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id; INSERT INTO s.t VALUES (2); INSERT INTO s.t VALUES (3); DELETE FROM s.t WHERE id = 1; OPTIMIZE s.t",
            new QueryRequest("ana", "s"));
        queue.Start();
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var measured = await services.GetRequiredService<QualityStore>().QueryAsync(Table, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddMinutes(1));
        var only = Assert.Single(measured, m => m.Column is null);
        Assert.Equal((3L, 2L), (only.TableVersion, only.RowCount!.Value));
    }

    private QueryService Service(IServiceProvider services, QualityProfileQueue queue, CatalogProvider provider) => new(
        services.GetRequiredService<CatalogStore>(),
        services.GetRequiredService<ICatalogRegistrar>(),
        new QueryServiceOptions
        {
            WarehouseRoot = Path.Combine(_folder.Path, provider.ToString(), "warehouse"),
            ScratchDirectory = Path.Combine(_folder.Path, provider.ToString(), "scratch"),
            Threads = 2,
            AuthMode = AuthMode.Single,
        },
        quality: queue);

    public void Dispose() => _folder.Dispose();
}
