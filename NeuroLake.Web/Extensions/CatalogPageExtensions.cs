using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Extensions;

public static class CatalogPageExtensions
{
    /// <summary>What the catalog pages need besides the engine: <see cref="TableAccess"/>.</summary>
    public static IHostApplicationBuilder AddNeuroLakeCatalogPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TableAccess>();
        return builder;
    }
}
