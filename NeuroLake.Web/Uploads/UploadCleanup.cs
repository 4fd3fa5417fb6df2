namespace NeuroLake.Web.Uploads;

/// <summary>Deletes uploads nobody loaded: hourly, anything older than a day (a load deletes its own upload at once).</summary>
internal sealed partial class UploadCleanup(UploadStore store, ILogger<UploadCleanup> logger) : BackgroundService
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var removed = store.DeleteOlderThan(MaxAge);
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
