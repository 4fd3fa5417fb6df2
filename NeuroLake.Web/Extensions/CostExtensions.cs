using NeuroLake.Web.Cost;

namespace NeuroLake.Web.Extensions;

public static class CostExtensions
{
    /// <summary>The Cost page's and <c>/api/v1/cost</c>'s services over the engine's <c>CostAnalysis</c> and price books.</summary>
    public static IServiceCollection AddNeuroLakeCostPages(this IServiceCollection services)
    {
        services.AddSingleton<CostVisibility>();
        services.AddSingleton<CostReports>();
        services.AddScoped<PriceBookEditing>();
        services.AddSingleton<CostRecommendationActions>();
        return services;
    }
}
