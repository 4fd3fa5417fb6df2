using NeuroLake.Web.Cost;

namespace NeuroLake.Web.Extensions;

public static class CostExtensions
{
    /// <summary>
    /// The Cost page's and <c>/api/v1/cost</c>'s services over the engine's <c>CostAnalysis</c> and price books, and the
    /// Storage page's and <c>/api/v1/storage</c>'s over the storage survey and the file cache's samples.
    /// </summary>
    public static IServiceCollection AddNeuroLakeCostPages(this IServiceCollection services)
    {
        services.AddSingleton<CostVisibility>();
        services.AddSingleton<CostReports>();
        services.AddScoped<PriceBookEditing>();
        services.AddSingleton<TieringNow>();
        services.AddSingleton<CostRecommendationActions>();
        // The Storage page's answers and the file cache's samples (the sampler comes with the engine's cost services).
        services.AddSingleton<Storage.StorageReports>();
        services.AddHostedService<Storage.CacheSampling>();
        return services;
    }
}
