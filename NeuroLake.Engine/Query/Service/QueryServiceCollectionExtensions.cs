using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NeuroLake.Engine.Admission;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Query.Service;

public static class QueryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="QueryService"/> as a singleton over managed tables in <paramref name="warehouseRoot"/>.
    /// Needs the catalog (<see cref="CatalogServiceCollectionExtensions.AddNeuroLakeCatalog(IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration, string)"/>).
    /// </summary>
    public static IServiceCollection AddNeuroLakeQueryService(
        this IServiceCollection services, string warehouseRoot, Action<QueryServiceOptions>? configure = null)
    {
        var options = new QueryServiceOptions { WarehouseRoot = warehouseRoot };
        configure?.Invoke(options);
        // One admission for the process: the query service and loads share its slots.
        services.TryAddSingleton(_ => new WorkloadAdmission(options.Admission));
        services.AddSingleton(sp => new QueryService(
            sp.GetRequiredService<CatalogStore>(), sp.GetRequiredService<ICatalogRegistrar>(), options,
            sp.GetService<QueryHistoryStore>(), sp.GetService<LineageStore>(), sp.GetService<ILoggerFactory>(), sp.GetService<UsageStore>(),
            sp.GetService<AuditLog>(), sp.GetService<MeteredWorkStore>(), sp.GetService<QualityProfileQueue>(),
            sp.GetRequiredService<WorkloadAdmission>(), sp.GetService<ObjectStoreFactory>()));
        return services;
    }
}
