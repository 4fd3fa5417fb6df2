using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Storage.Tiering;
using NeuroLake.Engine.Tiering;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Tiering;

/// <summary>
/// A lakehouse for one tiering test: a catalog (SQLite unless asked), the query service over a local or S3 warehouse, and the warm and
/// cold tiers as two prefixes of the S3 test server's bucket (MinIO style), with old-version files due cold at once.
/// </summary>
internal sealed class TieringLakehouse : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _catalog;
    private readonly DuckDbDatabase _duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });

    private TieringLakehouse(TempFolder folder, ServiceProvider catalog, S3TestStorage s3, ObjectStoreFactory stores, bool onS3, TimeProvider time)
    {
        _folder = folder;
        _catalog = catalog;
        S3 = s3;
        Stores = stores;
        Service = new QueryService(
            catalog.GetRequiredService<CatalogStore>(),
            catalog.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions
            {
                WarehouseRoot = onS3 ? s3.Root.Child("warehouse").ToString() : _folder.Sub("warehouse"),
                ScratchDirectory = _folder.Sub("scratch"),
                Threads = 2,
                AuthMode = AuthMode.Single,
            },
            stores: stores);
        Tiering = new LakehouseTiering(
            new TieringSurvey(new RegisteredTables(CatalogDb), _duckDb, stores, Overrides, null), stores, Placements, null, null, time);
    }

    /// <param name="keepLocalOriginalsMinutes">0 (here): a moved local file's original goes at once.</param>
    /// <param name="time">The tiering's clock; the system's when null.</param>
    public static async Task<TieringLakehouse> OpenAsync(
        CatalogDatabases databases, bool onS3 = false, CatalogProvider provider = CatalogProvider.Sqlite, int keepLocalOriginalsMinutes = 0, TimeProvider? time = null)
    {
        var catalog = await databases.CreateMigratedAsync(provider);
        var s3 = new S3TestStorage();
        var folder = new TempFolder();
        var options = new StorageOptions
        {
            Commits = CommitCoordination.Coordinator,
            S3 = s3.Options.S3,
            Tiers = new TiersOptions
            {
                Warm = new TierOptions { Location = s3.Root.Child("warm").ToString() },
                Cold = new TierOptions { Location = s3.Root.Child("cold").ToString(), RestoreHours = 12 },
                Planner = new TieringPlannerOptions { ColdAfterDays = 0, WarmAfterDays = 30 },
                KeepLocalOriginalsMinutes = keepLocalOriginalsMinutes,
            },
        };
        var stores = new ObjectStoreFactory(
            options, catalog.GetRequiredService<ICommitCoordinator>(), new ConditionalCreateProbe(), new FileCache(folder.Sub("cache"), 1L << 30),
            catalog.GetRequiredService<TablePlacements>());
        return new TieringLakehouse(folder, catalog, s3, stores, onS3, time ?? TimeProvider.System);
    }

    public S3TestStorage S3 { get; }

    public ObjectStoreFactory Stores { get; }

    public QueryService Service { get; }

    public LakehouseTiering Tiering { get; }

    /// <summary>The storage survey as the metering job runs it, over this lakehouse's stores.</summary>
    public Engine.Metering.StorageSurvey Survey() => new(new RegisteredTables(CatalogDb), _duckDb, Stores);

    public TablePlacements Placements => _catalog.GetRequiredService<TablePlacements>();

    public TierOverrideStore Overrides => _catalog.GetRequiredService<TierOverrideStore>();

    public IDbContextFactory<CatalogDbContext> CatalogDb => _catalog.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    /// <summary>Runs statements as an administrator (single-user mode); returns each result's rows as JSON.</summary>
    public async Task<string> RunAsync(string sql)
    {
        var results = await Service.ExecuteAsync(sql, new QueryRequest("ana") { AllowShortVacuumRetention = true });
        return JsonSerializer.Serialize(results[^1].Rows);
    }

    /// <summary>The stored location of <c>main.s.&lt;table&gt;</c>.</summary>
    public async Task<string> LocationAsync(string table) =>
        (await new RegisteredTables(CatalogDb).ListAsync(CancellationToken.None)).Single(t => t.Name.Table == table).Location;

    /// <summary>Objects in a tier's folder of the table at <paramref name="location"/>.</summary>
    public Task<IReadOnlyList<ObjectInfo>> TierObjectsAsync(Engine.Metering.StorageTier tier, string location) =>
        Stores.Tiers.TableFolder(tier, location.TrimEnd('/')).ListAsync("");

    public async Task<int> PlacementRowsAsync()
    {
        await using var db = await CatalogDb.CreateDbContextAsync();
        return await db.FilePlacements.CountAsync();
    }

    /// <summary>Creates <c>main.s.t</c> with five versions: three inserts, an update and a delete, so older versions need files the latest does not.</summary>
    public async Task CreateHistoryAsync(string table = "t")
    {
        await RunAsync("CREATE SCHEMA IF NOT EXISTS s");
        await RunAsync($"CREATE TABLE s.{table} (id BIGINT, name VARCHAR)");
        await RunAsync($"INSERT INTO s.{table} VALUES (1, 'a'), (2, 'b')");
        await RunAsync($"INSERT INTO s.{table} VALUES (3, 'c'), (4, 'd')");
        await RunAsync($"UPDATE s.{table} SET name = 'bb' WHERE id = 2");
        await RunAsync($"DELETE FROM s.{table} WHERE id = 3");
    }

    /// <summary>Every version's rows, to compare before and after tiering.</summary>
    public async Task<List<string>> AllVersionsAsync(string table = "t")
    {
        var answers = new List<string>();
        for (var v = 1; v <= 4; v++)
        {
            answers.Add(await RunAsync($"SELECT * FROM s.{table} VERSION AS OF {v} ORDER BY id"));
        }

        answers.Add(await RunAsync($"SELECT * FROM s.{table} ORDER BY id"));
        return answers;
    }

    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        Stores.Dispose();
        _duckDb.Dispose();
        await S3.DisposeAsync();
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }
}
