using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Extensions;

public static class CatalogPageExtensions
{
    /// <summary>What the catalog pages need besides the engine: <see cref="TableAccess"/>, one per circuit (it runs statements as the circuit's user).</summary>
    public static IHostApplicationBuilder AddNeuroLakeCatalogPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TableAccess>();
        return builder;
    }
}
