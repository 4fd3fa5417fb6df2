using NeuroLake.Web.Api;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Settings;

namespace NeuroLake.Web.Extensions;

public static class AuditExtensions
{
    /// <summary>Who may read the audit log, the auditing of admin pages, and retention (the log itself is the engine's, added with the catalog).</summary>
    public static IServiceCollection AddNeuroLakeAuditPages(this IServiceCollection services)
    {
        services.AddScoped<AuditAccess>();
        services.AddScoped<AdminAudit>();
        services.AddScoped<AuditedAccounts>();
        services.AddScoped<AuditedGroups>();
        services.AddScoped<AuditedGrants>();
        services.AddScoped<AuditedTokens>();
        services.AddHostedService<AuditRetention>();
        return services;
    }

    /// <summary>Applies the administrator's run-time settings at start and whenever they change (after the catalog is migrated).</summary>
    public static IServiceCollection AddNeuroLakeRuntimeSettings(this IServiceCollection services)
    {
        services.AddHostedService<SettingsStartup>();
        return services;
    }

    /// <summary>Maps <c>/api/v1/audit</c>.</summary>
    public static WebApplication MapNeuroLakeAudit(this WebApplication app)
    {
        app.MapAuditApi();
        return app;
    }
}
