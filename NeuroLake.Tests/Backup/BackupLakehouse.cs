using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>
/// A lakehouse of its own for one test: a data folder with a warehouse, a fresh migrated catalog database whose tables
/// are kept in step by the catalog observer, and a backup repository folder beside it.
/// </summary>
internal sealed class BackupLakehouse : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;
    private readonly ServiceProvider _database;

    private BackupLakehouse(TempFolder folder, ServiceProvider services, ServiceProvider database, DuckDbDatabase duckDb)
    {
        _folder = folder;
        _services = services;
        _database = database;
        DuckDb = duckDb;
    }

    public static async Task<BackupLakehouse> OpenAsync(CatalogDatabases databases, DuckDbDatabase duckDb, CatalogProvider provider)
    {
        var database = await databases.CreateMigratedAsync(provider);
        var connection = database.GetRequiredService<CatalogConnection>();
        var folder = new TempFolder();
        var services = new ServiceCollection()
            .AddNeuroLakeCatalog(connection.Provider, connection.ConnectionString, folder.Sub("data"))
            .AddSingleton(duckDb)
            .AddCatalogTableRegistration(Path.Combine(folder.Path, "data", "warehouse"))
            .BuildServiceProvider();
        return new BackupLakehouse(folder, services, database, duckDb);
    }

    public DuckDbDatabase DuckDb { get; }

    public string DataFolder => Path.Combine(_folder.Path, "data");

    public string Warehouse => Path.Combine(DataFolder, "warehouse");

    public string RepositoryFolder => _folder.Sub("repository");

    /// <summary>A fresh folder beside the lakehouse, for restores.</summary>
    public string NewFolder(string name) => _folder.Sub(name);

    /// <summary>The catalog database's provider and connection string, for hosts configured onto this lakehouse.</summary>
    public CatalogConnection CatalogConnection => _database.GetRequiredService<CatalogConnection>();

    public IDbContextFactory<CatalogDbContext> Catalog => _services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    public DeltaTableDiscovery Discovery => _services.GetRequiredService<DeltaTableDiscovery>();

    public BackupRepository Repository(IObjectStore? store = null) => new(store ?? new LocalObjectStore(RepositoryFolder));

    /// <summary>The managed folder of <c>main.&lt;schema&gt;.&lt;table&gt;</c>.</summary>
    public string Managed(string schema, string table) => Path.Combine(Warehouse, "main", schema, table);

    /// <summary>A table that tells the catalog about each commit, as NeuroLake's own writes do.</summary>
    public DeltaTable Table(string location) =>
        new(new LocalObjectStore(Directory.CreateDirectory(location).FullName), DuckDb, new DeltaTableOptions { Observer = _services.GetRequiredService<CatalogTableObserver>() });

    public LakehouseBackup Backup() =>
        new(Catalog, DuckDb, DataFolder, (location, _) => Task.FromResult<IObjectStore>(new LocalObjectStore(location)), TimeProvider.System);

    /// <summary>The host facade over this lakehouse and its repository folder, taking sets at the times of <paramref name="time"/>.</summary>
    public LakehouseBackups Backups(TimeProvider? time = null, TimeSpan? retentionWait = null) => new(
        RepositoryFolder, new ObjectStoreFactory(new StorageOptions(), null, new ConditionalCreateProbe()), Catalog, DuckDb, DataFolder,
        new WarehouseLayout(Warehouse), Discovery, _services.GetRequiredService<CatalogTableObserver>(), time ?? TimeProvider.System)
    {
        RetentionWait = retentionWait ?? TimeSpan.FromMinutes(10),
    };

    public Task<IReadOnlyList<CatalogTableRows>> ExportAsync() => new CatalogExport(Catalog).ExportAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
