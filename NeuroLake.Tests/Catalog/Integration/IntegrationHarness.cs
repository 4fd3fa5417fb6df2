using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Catalog.Integration;

/// <summary>
/// The catalog of a test class (through <c>AddNeuroLakeCatalog</c> and <c>AddCatalogTableRegistration</c>) over a warehouse
/// root in a fresh temp folder, with tables opened with or without the catalog's observer.
/// </summary>
internal sealed class IntegrationHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _services;
    private readonly DuckDbDatabase _duckDb;

    private IntegrationHarness(TempFolder folder, ServiceProvider services, DuckDbDatabase duckDb)
    {
        _folder = folder;
        _services = services;
        _duckDb = duckDb;
    }

    public static async Task<IntegrationHarness> OpenAsync(CatalogDatabases databases, DuckDbDatabase duckDb, CatalogProvider provider)
    {
        var connection = (await databases.OpenAsync(provider)).GetRequiredService<CatalogConnection>();
        var folder = new TempFolder();
        var services = new ServiceCollection()
            .AddNeuroLakeCatalog(connection.Provider, connection.ConnectionString, folder.Path)
            .AddSingleton(duckDb)
            .AddCatalogTableRegistration(Path.Combine(folder.Path, "warehouse"))
            .BuildServiceProvider();
        return new IntegrationHarness(folder, services, duckDb);
    }

    /// <summary>The test's own catalog name, so tests sharing a class database never collide.</summary>
    public string Catalog { get; } = CatalogTestData.Unique("c");

    public string Root => Path.Combine(_folder.Path, "warehouse");

    public string Outside => _folder.Sub("outside");

    public CatalogStore Store => _services.GetRequiredService<CatalogStore>();

    public SchemaHistoryStore History => _services.GetRequiredService<SchemaHistoryStore>();

    public ICatalogRegistrar Registrar => _services.GetRequiredService<ICatalogRegistrar>();

    public CatalogTableObserver Observer => _services.GetRequiredService<CatalogTableObserver>();

    public DeltaTableDiscovery Discovery => _services.GetRequiredService<DeltaTableDiscovery>();

    public CatalogDriftCheck DriftCheck => _services.GetRequiredService<CatalogDriftCheck>();

    /// <summary>The managed table folder <c>&lt;root&gt;/&lt;Catalog&gt;/&lt;schema&gt;/&lt;table&gt;</c>.</summary>
    public string Managed(string schema, string table) => Path.Combine(Root, Catalog, schema, table);

    /// <summary>A table (its folder created) that tells the catalog about its commits.</summary>
    public DeltaTable Observed(string location) => new(Folder(location), _duckDb, new DeltaTableOptions { Observer = Observer });

    /// <summary>A table (its folder created) written as another engine would: the catalog hears nothing.</summary>
    public DeltaTable Bypassing(string location) => new(Folder(location), _duckDb);

    private static LocalObjectStore Folder(string location) => new(Directory.CreateDirectory(location).FullName);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
