using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components;

namespace NeuroLake.Web.Extensions;

public static class WorkbenchExtensions
{
    /// <summary>The Blazor workbench with interactive server rendering.</summary>
    public static IServiceCollection AddNeuroLakeWorkbench(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<CatalogTables>();
        return services;
    }

    /// <summary>Error and not-found pages. Plain HTTP on localhost: no HTTPS redirection or HSTS.</summary>
    public static WebApplication UseNeuroLakeErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    /// <summary>Static assets (from the build-time manifest) and the workbench's pages.</summary>
    public static WebApplication MapNeuroLakeWorkbench(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
