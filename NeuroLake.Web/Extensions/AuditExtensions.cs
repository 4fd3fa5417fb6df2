using NeuroLake.Web.Api;
using NeuroLake.Web.Audit;

namespace NeuroLake.Web.Extensions;

public static class AuditExtensions
{
    /// <summary>Who may read the audit log, and its retention (the log itself is the engine's, added with the catalog).</summary>
    public static IServiceCollection AddNeuroLakeAuditPages(this IServiceCollection services)
    {
        services.AddScoped<AuditAccess>();
        services.AddHostedService<AuditRetention>();
        return services;
    }

    /// <summary>Maps <c>/api/v1/audit</c>.</summary>
    public static WebApplication MapNeuroLakeAudit(this WebApplication app)
    {
        app.MapAuditApi();
        return app;
    }
}
