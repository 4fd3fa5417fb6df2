using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Web.Storage;

/// <summary>
/// Samples the process's file cache every <see cref="FileCacheOptions.SampleMinutes"/> into the catalog and removes
/// samples older than <see cref="MeteringOptions.RetentionDays"/>, so the Storage page can chart hit rate and evictions.
/// A failed sample is logged and its changes go into the next one; the activity since the last sample before the
/// process stops is not recorded.
/// </summary>
internal sealed partial class CacheSampling(CacheSampler sampler, CacheSampleStore samples, IOptions<NeuroLakeOptions> options, TimeProvider time, ILogger<CacheSampling> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Both are validated as positive at start (EngineExtensions).
        var every = TimeSpan.FromMinutes(options.Value.Storage.Cache.SampleMinutes);
        var retention = TimeSpan.FromDays(options.Value.Metering.RetentionDays);
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sampler.SampleAsync(stoppingToken);
                    await samples.PruneAsync(time.GetUtcNow() - retention, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSampleFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    [LoggerMessage(EventId = 7500, Level = LogLevel.Warning, Message = "Sampling the file cache's counters into the catalog failed; the next sample includes them")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
