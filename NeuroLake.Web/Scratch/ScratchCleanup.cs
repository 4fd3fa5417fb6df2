using System.Diagnostics;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Scratch;

/// <summary>
/// Empties the staging and scratch folders of what a crashed earlier run left (at start, everything written before
/// this process started), then removes staged files older than <see cref="CleanupOptions.MaxAge"/> every
/// <see cref="CleanupOptions.Interval"/>.
/// </summary>
internal sealed partial class ScratchCleanup(ScratchFolders folders, IOptions<NeuroLakeOptions> options, TimeProvider time, ILogger<ScratchCleanup> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the app serves a request, so nothing of this run is mistaken for a leftover.
        Sweep(folders.LeftoverAreas, ProcessStart());
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleanup = options.Value.Cleanup;
        using var timer = new PeriodicTimer(cleanup.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            Sweep(folders.ExpiringAreas, time.GetUtcNow().UtcDateTime - cleanup.MaxAge);
        }
    }

    private static DateTime ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    private void Sweep(IEnumerable<ScratchArea> areas, DateTime cutoffUtc)
    {
        foreach (var area in areas)
        {
            try
            {
                var removed = area.DeleteOlderThan(cutoffUtc);
                if (removed > 0)
                {
                    LogRemoved(removed, area.Folder);
                }
            }
            catch (IOException e)
            {
                LogFailed(area.Folder, e);
            }
            catch (UnauthorizedAccessException e)
            {
                LogFailed(area.Folder, e);
            }
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Removed {Count} stale staging or scratch entries from {Folder}")]
    private partial void LogRemoved(int count, string folder);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not clean stale staging or scratch entries in {Folder}")]
    private partial void LogFailed(string folder, Exception exception);
}
