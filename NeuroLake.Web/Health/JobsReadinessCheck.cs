using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NeuroLake.Web.Health;

/// <summary>
/// Ready when the job storage answers; degraded while no Hangfire server is beating (scheduled jobs would not run),
/// which is brief at start and lasting when the workers died.
/// </summary>
internal sealed class JobsReadinessCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatAge = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var beating = servers.Count(s => s.Heartbeat is { } beat && now - beat < HeartbeatAge);
            return Task.FromResult(beating > 0
                ? HealthCheckResult.Healthy($"Job storage answers; {beating} job server(s) running.")
                : HealthCheckResult.Degraded("Job storage answers, but no job server is running: scheduled jobs wait until one starts."));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"Job storage does not answer ({e.GetType().Name})."));
        }
    }
}
