using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>Registers automatic catalog registration: the table observer, discovery and drift checks.</summary>
public static class CatalogIntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CatalogTableObserver"/>, <see cref="DeltaTableDiscovery"/> and <see cref="CatalogDriftCheck"/> with managed
    /// tables under <paramref name="warehouseRoot"/>. Needs the catalog (<c>AddNeuroLakeCatalog</c>); discovery and drift checks
    /// also need a <see cref="DuckDbDatabase"/> service. Give tables the observer through <c>DeltaTableOptions.Observer</c>.
    /// </summary>
    public static IServiceCollection AddCatalogTableRegistration(this IServiceCollection services, string warehouseRoot)
    {
        services.AddSingleton(new WarehouseLayout(warehouseRoot));
        services.AddSingleton(sp => new RegisteredTables(sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>()));
        services.AddSingleton(sp => new CatalogTableRecorder(Registrar(sp), sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>()));
        services.AddSingleton(sp => new TableNaming(sp.GetRequiredService<RegisteredTables>(), sp.GetRequiredService<WarehouseLayout>()));
        services.AddSingleton(sp => new CatalogTableObserver(Recorder(sp), sp.GetRequiredService<TableNaming>(), Logger<CatalogTableObserver>(sp)));
        services.AddSingleton(sp => new DeltaTableDiscovery(
            Recorder(sp), sp.GetRequiredService<TableNaming>(), sp.GetRequiredService<DuckDbDatabase>(), Logger<DeltaTableDiscovery>(sp), sp.GetService<Storage.ObjectStoreFactory>()));
        services.AddSingleton(sp => new CatalogDriftCheck(
            Recorder(sp), sp.GetRequiredService<RegisteredTables>(), sp.GetRequiredService<DuckDbDatabase>(), Logger<CatalogDriftCheck>(sp), sp.GetService<Storage.ObjectStoreFactory>()));
        return services;
    }

    private static ICatalogRegistrar Registrar(IServiceProvider sp) => sp.GetRequiredService<ICatalogRegistrar>();

    private static CatalogTableRecorder Recorder(IServiceProvider sp) => sp.GetRequiredService<CatalogTableRecorder>();

    private static ILogger<T> Logger<T>(IServiceProvider sp) => sp.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
