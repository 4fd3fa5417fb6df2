using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Extensions;

public static class CatalogPageExtensions
{
    /// <summary>
    /// What the catalog pages need besides the engine: <see cref="TableAccess"/>, one per circuit (it runs statements as
    /// the circuit's user), and the API's tables found only when the caller may read them.
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeCatalogPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TableAccess>();
        builder.Services.AddScoped<NeuroLake.Web.Api.ReadableTables>();
        return builder;
    }
}
