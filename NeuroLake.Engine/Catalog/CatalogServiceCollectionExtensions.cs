using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NeuroLake.Engine.Catalog.Commits;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Impact;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Engine.Catalog.Usage;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Catalog;

/// <summary>Registers the catalog (NUIC) services.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Adds the catalog with the provider in <c>NeuroLake:Catalog:Provider</c> (<c>Sqlite</c> by default, or <c>Postgres</c>)
    /// and the connection string <c>ConnectionStrings:Catalog</c>. Call <see cref="CatalogStartup.MigrateCatalogAsync"/> at start.
    /// </summary>
    public static IServiceCollection AddNeuroLakeCatalog(this IServiceCollection services, IConfiguration configuration, string dataDirectory) =>
        services.AddNeuroLakeCatalog(ReadProvider(configuration), configuration.GetConnectionString("Catalog"), dataDirectory);

    /// <summary>
    /// Adds the catalog on <paramref name="provider"/>. <paramref name="connectionString"/> is required for PostgreSQL; for SQLite
    /// null means <c>catalog.db</c> in <paramref name="dataDirectory"/>.
    /// </summary>
    public static IServiceCollection AddNeuroLakeCatalog(
        this IServiceCollection services, CatalogProvider provider, string? connectionString, string dataDirectory)
    {
        var connection = new CatalogConnection(provider, ConnectionString(provider, connectionString, dataDirectory));
        services.AddSingleton(connection);
        var generation = new CatalogGeneration();
        services.AddSingleton(generation);
        services.AddDbContextFactory<CatalogDbContext>(builder =>
        {
            Configure(builder, connection.Provider, connection.ConnectionString);
            builder.AddInterceptors(new SecurableChangeInterceptor(generation));
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogProbe>(sp => new CatalogProbe(Factory(sp)));
        services.AddSingleton<CatalogStore>(sp => new CatalogStore(Factory(sp), Time(sp), new CatalogTableCache(generation)));
        services.AddSingleton<SchemaHistoryStore>(sp => new SchemaHistoryStore(Factory(sp)));
        services.AddSingleton<ICatalogRegistrar>(sp => new CatalogRegistrar(Factory(sp), Time(sp), () => sp.GetServices<ITableCreatedListener>()));
        services.AddSingleton<CatalogSearch>(sp => new CatalogSearch(Factory(sp)));
        services.AddSingleton<QualityStore>(sp => new QualityStore(Factory(sp)));
        services.AddSingleton<UsageStore>(sp => new UsageStore(Factory(sp)));
        services.AddSingleton<LineageStore>(sp => new LineageStore(Factory(sp), Time(sp)));
        services.AddSingleton<ImpactAnalyzer>(sp => new ImpactAnalyzer(
            sp.GetRequiredService<LineageStore>(), sp.GetRequiredService<UsageStore>(), sp.GetRequiredService<CatalogStore>(), Time(sp)));
        services.AddSingleton<SourceFileStore>(sp => new SourceFileStore(Factory(sp)));
        services.AddSingleton<TableRecommender>(sp => new TableRecommender(Factory(sp)));
        services.AddSingleton<PipelineRegistry>(sp => new PipelineRegistry(Factory(sp), Time(sp)));
        services.AddSingleton<PatternLibrary>(sp => new PatternLibrary(Factory(sp), Time(sp)));
        services.AddSingleton<RegistryTransfer>(sp => new RegistryTransfer(Factory(sp)));
        services.AddSingleton<QueryHistoryStore>(sp => new QueryHistoryStore(Factory(sp)));
        services.AddSingleton<ICommitCoordinator>(sp => new CatalogCommitCoordinator(Factory(sp), Time(sp)));
        services.AddSingleton<IPlacementStore>(sp => new Tiering.CatalogPlacementStore(Factory(sp)));
        services.AddSingleton(sp => new TablePlacements(sp.GetRequiredService<IPlacementStore>()));
        services.AddSingleton(sp => new Tiering.TierOverrideStore(Factory(sp), Time(sp)));
        return services;
    }

    internal static void Configure(DbContextOptionsBuilder builder, CatalogProvider provider, string connectionString)
    {
        _ = provider switch
        {
            CatalogProvider.Sqlite => builder.UseSqlite(connectionString),
            CatalogProvider.Postgres => builder.UseNpgsql(connectionString),
            _ => throw new CatalogException($"Catalog provider '{provider}' is not supported: use Sqlite or Postgres."),
        };

        // Migrations are hand-written without a model snapshot (the EF design tools are not available);
        // the test suite checks that the migrated schema serves every mapped entity instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider sp) =>
        sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>();

    private static TimeProvider Time(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();

    private static CatalogProvider ReadProvider(IConfiguration configuration)
    {
        var providerText = configuration["NeuroLake:Catalog:Provider"];
        var provider = CatalogProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new CatalogException(
                $"NeuroLake:Catalog:Provider is '{providerText}': set it to Sqlite or Postgres.");
        }

        return provider;
    }

    private static string ConnectionString(CatalogProvider provider, string? connectionString, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        if (provider == CatalogProvider.Postgres)
        {
            throw new CatalogException(
                "The catalog provider is Postgres but ConnectionStrings:Catalog is empty: set it to an Npgsql connection string (Host=...;Database=...;Username=...).");
        }

        return $"Data Source={Path.Combine(Path.GetFullPath(dataDirectory), "catalog.db")}";
    }
}
