using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Uploads;

/// <summary>
/// Deletes uploads nobody loaded: at start and every <see cref="CleanupOptions.Interval"/> (default hourly), anything
/// older than <see cref="CleanupOptions.MaxAge"/> (default a day). A load deletes its own upload at once.
/// </summary>
internal sealed partial class UploadCleanup(UploadStore store, IOptions<NeuroLakeOptions> options, TimeProvider time, ILogger<UploadCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleanup = options.Value.Cleanup;
        using var timer = new PeriodicTimer(cleanup.Interval, time);
        do
        {
            try
            {
                var removed = store.DeleteOlderThan(cleanup.MaxAge);
                if (removed > 0)
                {
                    LogRemoved(removed, store.Root);
                }
            }
            catch (IOException e)
            {
                LogFailed(store.Root, e);
            }
            catch (UnauthorizedAccessException e)
            {
                LogFailed(store.Root, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Removed {Count} expired upload(s) from {Folder}")]
    private partial void LogRemoved(int count, string folder);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not clean expired uploads in {Folder}")]
    private partial void LogFailed(string folder, Exception exception);
}
