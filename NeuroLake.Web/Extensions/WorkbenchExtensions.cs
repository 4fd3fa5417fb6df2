using MudBlazor.Services;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components;

namespace NeuroLake.Web.Extensions;

public static class WorkbenchExtensions
{
    /// <summary>The Blazor workbench with interactive server rendering.</summary>
    public static IServiceCollection AddNeuroLakeWorkbench(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<NeuroLake.Web.Components.Shared.UserClock>();
        services.AddSingleton<VisibleTables>();
        services.AddSingleton<VisibleLineage>();
        services.AddSingleton<VisibleSecurables>();
        services.AddSingleton<CatalogEdits>();
        services.AddSingleton<TablePrivileges>();
        services.AddSingleton<CatalogTables>();
        services.AddNeuroLakeCostPages();
        return services;
    }

    /// <summary>Static assets (from the build-time manifest) and the workbench's pages.</summary>
    public static WebApplication MapNeuroLakeWorkbench(this WebApplication app)
    {
        app.UseAntiforgery();
        // Scripts, styles and icons are public: the sign-in and setup pages need them before anyone signs in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
