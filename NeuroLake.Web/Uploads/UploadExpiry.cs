using Microsoft.Extensions.Options;

namespace NeuroLake.Web.Uploads;

/// <summary>
/// Removes uploads past <see cref="UploadOptions.Expiry"/> at start and every <see cref="UploadOptions.CleanupInterval"/>
/// (listings already hide them, so a user never sees one that is about to go).
/// </summary>
internal sealed partial class UploadExpiry(UploadStore uploads, IOptions<UploadOptions> options, TimeProvider time, ILogger<UploadExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        do
        {
            Sweep();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private void Sweep()
    {
        try
        {
            var removed = uploads.DeleteExpired();
            if (removed > 0)
            {
                LogRemoved(removed);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (being loaded) goes on the next sweep.
            LogFailed(e);
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Removed {Count} expired upload(s)")]
    private partial void LogRemoved(int count);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not remove expired uploads")]
    private partial void LogFailed(Exception exception);
}
