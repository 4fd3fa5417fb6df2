using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.E2E;

/// <summary>
/// Runs SQL through the engine library on the running app's data folder (its SQLite catalog and warehouse), as another
/// process writing to the same lakehouse would; the app sees the commits through the catalog and the Delta log.
/// </summary>
internal sealed class EngineSql : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly QueryService _queries;

    public EngineSql(string dataDirectory)
    {
        _services = new ServiceCollection()
            .AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, dataDirectory)
            .BuildServiceProvider();
        _queries = new QueryService(
            _services.GetRequiredService<CatalogStore>(),
            _services.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions { WarehouseRoot = new NeuroLakeOptions().ResolveWarehouse(dataDirectory) });
    }

    public Task RunAsync(string sql) => _queries.ExecuteAsync(sql, new QueryRequest("e2e"));

    public void Dispose()
    {
        _queries.Dispose();
        _services.Dispose();
    }
}
