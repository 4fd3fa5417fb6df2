using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>
/// Removes what the staging and scratch folders no longer need: anything an earlier process left there (written before
/// <paramref name="processStart"/>, so nothing this process uses), and staged files older than
/// <see cref="CleanupOptions.MaxAge"/>. Wizard uploads are not scratch: <see cref="UploadCleanupJob"/> expires them.
/// </summary>
public sealed class ScratchCleanupJob(ScratchFolders folders, CleanupOptions options, DateTime processStart, TimeProvider time)
{
    public Task<JobOutcome> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, "removing what an earlier run of the app left"));
        var removed = SweepLeftovers(ct);
        progress.Report(new JobStep(0.5, $"removing staged files older than {RuntimeSettings.Describe(options.MaxAge)}"));
        var cutoff = time.GetUtcNow().UtcDateTime - options.MaxAge;
        foreach (var area in folders.ExpiringAreas)
        {
            removed += Sweep(() => area.DeleteOlderThan(cutoff, ct));
        }

        return Task.FromResult(removed.Count == 0
            ? JobOutcome.Skipped("No stale staged file or scratch folder: nothing to remove.")
            : JobOutcome.Done(removed.Describe("staged file or scratch folder", "staged files or scratch folders")));
    }

    /// <summary>Removes what an earlier process left (at start, before anything of this process is written, and on every run).</summary>
    public CleanupTally SweepLeftovers(CancellationToken ct = default)
    {
        var removed = new CleanupTally();
        foreach (var area in folders.LeftoverAreas)
        {
            removed += Sweep(() => area.DeleteOlderThan(processStart, ct));
        }

        return removed;
    }

    private static CleanupTally Sweep(Func<CleanupTally> sweep)
    {
        try
        {
            return sweep();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed now is swept on the next run; the other folders still are.
            return default;
        }
    }
}
