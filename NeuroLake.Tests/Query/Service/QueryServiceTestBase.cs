using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

/// <summary>
/// Each test gets its own SQLite catalog, warehouse folder and query service, which records query history and, when a
/// subclass gives it a store, lineage.
/// </summary>
public abstract class QueryServiceTestBase(CatalogDatabases databases) : IClassFixture<CatalogDatabases>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ServiceProvider? _services;
    private QueryService? _service;

    protected QueryService Service => _service!;

    protected CatalogStore Catalog => _services!.GetRequiredService<CatalogStore>();

    protected QueryHistoryStore History => _services!.GetRequiredService<QueryHistoryStore>();

    /// <summary>The catalog's services (stores, registrar) of this test.</summary>
    protected IServiceProvider Services => _services!;

    /// <summary>The test's whole data folder: warehouse, scratch and external location.</summary>
    protected string DataFolder => _folder.Path;

    protected string Warehouse => Path.Combine(_folder.Path, "warehouse");

    /// <summary>The folder the service keeps its scratch space under.</summary>
    protected string Scratch => Path.Combine(_folder.Path, "scratch");

    /// <summary>A folder configured as an external location.</summary>
    protected string External => Path.Combine(_folder.Path, "external");

    /// <summary>The schema of bare table names in <see cref="Run"/>.</summary>
    protected virtual string DefaultSchema => "default";

    protected QueryRequest Request(int rowLimit = 10_000) => new("ana", DefaultSchema, rowLimit);

    protected async Task<IReadOnlyList<StatementResult>> Run(string sql, int rowLimit = 10_000) =>
        await Service.ExecuteAsync(sql, Request(rowLimit));

    /// <summary>The rows of the script's last statement.</summary>
    protected async Task<IReadOnlyList<object?[]>> Rows(string sql) => (await Run(sql))[^1].Rows;

    protected async Task<QueryFailedException> Fails(string sql) =>
        await Assert.ThrowsAsync<QueryFailedException>(() => Service.ExecuteAsync(sql, Request()));

    public virtual async Task InitializeAsync()
    {
        _services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        _service = new QueryService(
            _services.GetRequiredService<CatalogStore>(),
            _services.GetRequiredService<ICatalogRegistrar>(),
            // Not about governance: single-user mode, no privileges checked (NeuroLake.Tests.Governance covers Accounts).
            Configured(new QueryServiceOptions { WarehouseRoot = Warehouse, Threads = 2, ExternalLocations = { External }, ScratchDirectory = Scratch, AuthMode = AuthMode.Single }),
            _services.GetRequiredService<QueryHistoryStore>(),
            LineageStoreForService(_services),
            LoggerFactoryForService,
            metering: MeteringForService(_services),
            admission: AdmissionForService);
    }

    /// <summary>The admission control the service shares; null (the default) gives it its own from the options.</summary>
    protected virtual Engine.Admission.WorkloadAdmission? AdmissionForService => null;

    /// <summary>Where the service meters statements; null (the default) meters nothing.</summary>
    protected virtual MeteredWorkStore? MeteringForService(IServiceProvider services) => null;

    /// <summary>The service's options; a subclass may change them (timeouts, memory) before the service opens.</summary>
    protected virtual QueryServiceOptions Configured(QueryServiceOptions options) => options;

    /// <summary>The lineage store the service records into; null (the default) records no lineage.</summary>
    protected virtual LineageStore? LineageStoreForService(IServiceProvider services) => null;

    /// <summary>Where the service logs; null (the default) discards its messages.</summary>
    protected virtual ILoggerFactory? LoggerFactoryForService => null;

    public virtual async Task DisposeAsync()
    {
        _service?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _folder.Dispose();
    }
}
