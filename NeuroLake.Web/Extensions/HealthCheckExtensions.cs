using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NeuroLake.Engine.Storage;
using NeuroLake.Web.Health;

namespace NeuroLake.Web.Extensions;

public static class HealthCheckExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>
    /// Liveness (the process runs) and readiness (DuckDB answers a query, the catalog is reachable and migrated, the job
    /// storage answers and a job server beats) checks; the warehouse's check comes with the engine (<see cref="AddNeuroLakeStorageHealthCheck"/>).
    /// </summary>
    public static IServiceCollection AddNeuroLakeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<DuckDbReadinessCheck>("duckdb", tags: [ReadyTag])
            .AddCheck<CatalogReadinessCheck>("catalog", tags: [ReadyTag])
            .AddCheck<JobsReadinessCheck>("jobs", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Readiness of the warehouse (a folder, or an S3 prefix): it takes a write, and a local disk is not nearly full.</summary>
    public static IServiceCollection AddNeuroLakeStorageHealthCheck(this IServiceCollection services, string warehouse)
    {
        services.AddHealthChecks().Add(new HealthCheckRegistration("storage", sp => new StorageReadinessCheck(warehouse, sp.GetService<ObjectStoreFactory>()), null, [ReadyTag]));
        return services;
    }

    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>; unhealthy answers 503. Open to anonymous callers (probes do not sign in).</summary>
    public static WebApplication MapNeuroLakeHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthReportJson.WriteAsync })
            .AllowAnonymous();
        return app;
    }
}
