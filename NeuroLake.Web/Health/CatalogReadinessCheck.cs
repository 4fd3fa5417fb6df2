using Microsoft.Extensions.Diagnostics.HealthChecks;
using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Health;

/// <summary>Ready when the catalog database answers and every migration is applied.</summary>
internal sealed class CatalogReadinessCheck(CatalogProbe probe, CatalogConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await probe.FindProblemAsync(cancellationToken);
        return problem is null
            ? HealthCheckResult.Healthy($"The {connection.Provider} catalog answers.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"The {connection.Provider} catalog is not ready: {problem}");
    }
}
