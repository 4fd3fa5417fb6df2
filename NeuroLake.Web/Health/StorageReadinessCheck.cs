using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NeuroLake.Web.Health;

/// <summary>
/// Ready when the warehouse folder takes a write (a probe file created and removed): a full or read-only disk shows
/// here before a commit fails on it. Less than <see cref="LowSpaceBytes"/> free is degraded, not down. The description
/// never names the folder (paths stay out of what the app says).
/// </summary>
internal sealed class StorageReadinessCheck(string warehouse) : IHealthCheck
{
    internal const long LowSpaceBytes = 1L << 30;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(warehouse, $".neurolake-ready-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(warehouse);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The warehouse cannot be written ({e.GetType().Name}): check the disk and the folder's permissions.");
        }

        var free = new DriveInfo(Path.GetFullPath(warehouse)).AvailableFreeSpace;
        return free < LowSpaceBytes
            ? HealthCheckResult.Degraded($"The warehouse's disk has only {free / (1024 * 1024):N0} MB free.")
            : HealthCheckResult.Healthy("The warehouse takes writes.");
    }
}
