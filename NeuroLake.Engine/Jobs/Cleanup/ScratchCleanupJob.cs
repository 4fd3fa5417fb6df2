using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>
/// Removes staged files older than <see cref="CleanupOptions.MaxAge"/> from the staging folders, and (at start, through
/// <see cref="SweepLeftovers"/>) whatever an earlier process left in the staging and scratch folders. Wizard uploads
/// are not scratch: <see cref="UploadCleanupJob"/> expires them.
/// </summary>
/// <param name="processStart">When this process started: anything written before belongs to an earlier one.</param>
public sealed class ScratchCleanupJob(ScratchFolders folders, CleanupOptions options, DateTime processStart, TimeProvider time)
{
    public Task<JobOutcome> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, $"removing staged files older than {RuntimeSettings.Describe(options.MaxAge)}"));
        var cutoff = time.GetUtcNow().UtcDateTime - options.MaxAge;
        var removed = new CleanupTally();
        foreach (var area in folders.ExpiringAreas)
        {
            removed += Sweep(() => area.DeleteOlderThan(cutoff, ct));
        }

        return Task.FromResult(removed.Count == 0
            ? JobOutcome.Skipped($"No staged file is older than {RuntimeSettings.Describe(options.MaxAge)}: nothing to remove.")
            : JobOutcome.Done(removed.Describe("staged file or scratch folder", "staged files or scratch folders")));
    }

    /// <summary>
    /// Removes what an earlier process left after a crash: at start, before this process writes anything there (query
    /// scratch and spill belong to live databases afterwards, so the scheduled runs leave them alone).
    /// </summary>
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
