using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>Registers the <see cref="IngestionLoader"/>.</summary>
public static class IngestionLoadServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IngestionLoader"/> over the <see cref="IngestionDatabase"/> service when one is registered (loads
    /// then run under the heavy work's threads, memory and priority), else over the <see cref="DuckDbDatabase"/> service. When the catalog (<c>AddNeuroLakeCatalog</c>)
    /// and table registration (<c>AddCatalogTableRegistration</c>) are registered too, loads store quality and PII in the catalog,
    /// and <see cref="FileIngestion"/> (which needs both) loads staged files into catalog tables.
    /// </summary>
    public static IServiceCollection AddIngestionLoader(this IServiceCollection services)
    {
        services.AddSingleton(sp => new IngestionLoader(
            sp.GetService<IngestionDatabase>()?.Database ?? sp.GetRequiredService<DuckDbDatabase>(), Catalog(sp), sp.GetService<Admission.WorkloadAdmission>(), sp.GetService<Storage.ObjectStoreFactory>()));
        services.AddSingleton(sp => new FileIngestion(
            sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<IngestionLoader>(), sp.GetRequiredService<CatalogStore>(),
            sp.GetRequiredService<WarehouseLayout>(), sp.GetRequiredService<CatalogTableObserver>(), sp.GetService<PrivilegeEvaluator>(), sp.GetService<AuditLog>(),
            sp.GetService<IngestionMetering>(), sp.GetService<Storage.ObjectStoreFactory>()));
        return services;
    }

    private static IngestionCatalog? Catalog(IServiceProvider sp) =>
        sp.GetService<CatalogStore>() is { } store && sp.GetService<QualityStore>() is { } quality && sp.GetService<WarehouseLayout>() is { } layout
            ? new IngestionCatalog(store, quality, layout, sp.GetService<SourceFileStore>())
            : null;
}
