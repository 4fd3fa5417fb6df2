using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NeuroLake.Web.Health;

/// <summary>Ready when DuckDB answers a query through a connection.</summary>
internal sealed class DuckDbReadinessCheck(EngineStatusProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = probe.Check();
        return Task.FromResult(status.IsAlive
            ? HealthCheckResult.Healthy($"DuckDB {status.DuckDbVersion} answers queries.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"DuckDB did not answer: {status.Error}"));
    }
}
