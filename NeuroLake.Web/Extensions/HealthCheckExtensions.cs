using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NeuroLake.Web.Health;

namespace NeuroLake.Web.Extensions;

public static class HealthCheckExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>Liveness (the process runs) and readiness (DuckDB answers a query, the catalog is reachable and migrated) checks.</summary>
    public static IServiceCollection AddNeuroLakeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<DuckDbReadinessCheck>("duckdb", tags: [ReadyTag])
            .AddCheck<CatalogReadinessCheck>("catalog", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>; unhealthy answers 503. Open to anonymous callers (probes do not sign in).</summary>
    public static WebApplication MapNeuroLakeHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
