using System.Diagnostics;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Scratch;

/// <summary>
/// Empties the staging and scratch folders of what a crashed earlier run left (at start, everything written before
/// this process started), then removes staged files older than <see cref="CleanupOptions.MaxAge"/> at start and every
/// <see cref="CleanupOptions.Interval"/>. Wizard uploads are not scratch: they expire on their own schedule (UploadExpiry).
/// </summary>
internal sealed partial class ScratchCleanup(
    ScratchFolders folders, IOptions<NeuroLakeOptions> options, TimeProvider time, ILogger<ScratchCleanup> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the app serves a request, so nothing of this run is mistaken for a leftover.
        var processStart = ProcessStart();
        foreach (var area in folders.LeftoverAreas)
        {
            Sweep(area.Folder, () => area.DeleteOlderThan(processStart));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleanup = options.Value.Cleanup;
        using var timer = new PeriodicTimer(cleanup.Interval, time);
        do
        {
            var cutoff = time.GetUtcNow().UtcDateTime - cleanup.MaxAge;
            foreach (var area in folders.ExpiringAreas)
            {
                Sweep(area.Folder, () => area.DeleteOlderThan(cutoff));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static DateTime ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    private void Sweep(string folder, Func<int> sweep)
    {
        try
        {
            var removed = sweep();
            if (removed > 0)
            {
                LogRemoved(removed, folder);
            }
        }
        catch (IOException e)
        {
            LogFailed(folder, e);
        }
        catch (UnauthorizedAccessException e)
        {
            LogFailed(folder, e);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Removed {Count} stale staged file(s), upload(s) or scratch folder(s) from {Folder}")]
    private partial void LogRemoved(int count, string folder);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not clean stale staged files, uploads or scratch folders in {Folder}")]
    private partial void LogFailed(string folder, Exception exception);
}
