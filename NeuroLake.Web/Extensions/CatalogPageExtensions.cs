using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Extensions;

public static class CatalogPageExtensions
{
    /// <summary>What the catalog pages need besides the engine: the local user and <see cref="CatalogTables"/>.</summary>
    public static IHostApplicationBuilder AddNeuroLakeCatalogPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(LocalUser.From(builder.Configuration));
        builder.Services.AddSingleton<CatalogTables>();
        return builder;
    }
}
