using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost.Recommendations;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Engine.Cost;

public static class CostServiceCollectionExtensions
{
    /// <summary>
    /// Adds price books, usage metering (statements through the query service, job runs through the job runner, file
    /// loads through <see cref="Ingestion.FileIngestion"/> and the wizard, each table's daily storage, samples of the file cache), the daily metering job body, <see cref="CostAnalysis"/> over them and the <see cref="CostRecommender"/>. Needs the catalog, catalog table registration and a
    /// <see cref="DuckDbDatabase"/>; retention comes from <c>NeuroLake:Metering</c> when <see cref="NeuroLakeOptions"/> is bound.
    /// </summary>
    public static IServiceCollection AddNeuroLakeCost(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PriceBookStore(Factory(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MeteredWorkStore(Factory(sp)));
        services.AddSingleton(sp => new StorageDayStore(Factory(sp)));
        services.AddSingleton(sp => new StorageSurvey(sp.GetRequiredService<RegisteredTables>(), sp.GetRequiredService<DuckDbDatabase>(), sp.GetService<Storage.ObjectStoreFactory>()));
        services.AddSingleton(sp => new Storage.Cache.CacheSampleStore(Factory(sp)));
        services.AddSingleton(sp => new Storage.Cache.CacheSampler(
            () => sp.GetRequiredService<Storage.Cache.FileCache>().Statistics, sp.GetRequiredService<Storage.Cache.CacheSampleStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new JobMetering(
            sp.GetRequiredService<MeteredWorkStore>(), sp.GetService<ILogger<JobMetering>>() ?? NullLogger<JobMetering>.Instance));
        services.AddSingleton(sp => new IngestionMetering(
            sp.GetRequiredService<MeteredWorkStore>(), sp.GetService<ILogger<IngestionMetering>>() ?? NullLogger<IngestionMetering>.Instance));
        services.AddSingleton(sp => new StorageMeteringJob(
            sp.GetRequiredService<StorageSurvey>(), sp.GetRequiredService<StorageDayStore>(), sp.GetRequiredService<MeteredWorkStore>(),
            sp.GetService<IOptions<NeuroLakeOptions>>()?.Value.Metering ?? new MeteringOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CostAnalysis(
            sp.GetRequiredService<PriceBookStore>(), sp.GetRequiredService<StorageDayStore>(), sp.GetRequiredService<MeteredWorkStore>()));
        services.AddSingleton(sp => new CostRecommender(
            Factory(sp),
            new TableConditionSurvey(
                sp.GetRequiredService<CatalogStore>(), sp.GetRequiredService<DuckDbDatabase>(),
                sp.GetService<QueryHistoryStore>() is { } history ? new ZOrderSuggestion(history, sp.GetRequiredService<DuckDbDatabase>()) : null,
                new QueryAdvisorOptions(),
                sp.GetService<Storage.ObjectStoreFactory>()),
            sp.GetRequiredService<MeteredWorkStore>(),
            sp.GetService<IOptions<NeuroLakeOptions>>()?.Value.CostRecommendations ?? new CostRecommendationOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Tiering.LakehouseTiering>() is { } tiering ? tiering.PlanAsync : null));
        // Tiering prices its plans with the book in force and reads use from metered work.
        return services.AddNeuroLakeTiering();
    }

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider sp) => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
}
