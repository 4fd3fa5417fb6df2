using Microsoft.Extensions.Diagnostics.HealthChecks;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Web.Health;

/// <summary>
/// Ready when the warehouse takes a write (a probe file or object created and removed): a full or read-only disk, or
/// an S3 store that refuses the credentials or the bucket, shows here before a commit fails on it. On local disk, less
/// than <see cref="LowSpaceBytes"/> free is degraded, not down. The description never names the folder or bucket
/// (locations stay out of what the app says).
/// </summary>
internal sealed class StorageReadinessCheck(string warehouse, ObjectStoreFactory? stores = null) : IHealthCheck
{
    internal const long LowSpaceBytes = 1L << 30;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (S3Location.IsS3(warehouse))
        {
            return await CheckS3Async(context, cancellationToken);
        }

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

    private async Task<HealthCheckResult> CheckS3Async(HealthCheckContext context, CancellationToken ct)
    {
        if (stores is null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The warehouse is on S3, but no S3 storage is configured (NeuroLake:Storage:S3).");
        }

        var probe = $".neurolake-ready-{Guid.NewGuid():N}";
        try
        {
            var store = await stores.OpenAsync(warehouse, ct);
            await store.PutAsync(probe, new byte[] { 1 }, ct);
            await store.DeleteAsync(probe, ct);
            return HealthCheckResult.Healthy("The warehouse's S3 store takes writes.");
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or S3ConfigurationException
            or IOException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The warehouse's S3 store cannot be written ({e.GetType().Name}): check NeuroLake:Storage:S3 (endpoint, credentials) and that the bucket exists.");
        }
    }
}
