using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Engine.Jobs.Backups;

/// <summary>
/// The scheduled verify: re-reads every file of every set, so damage to an object several sets share marks each of
/// them unusable. The run fails when any set is damaged, naming the sets and files (table name and path in the table,
/// never a folder of the server).
/// </summary>
public sealed class VerifyBackupsJob(LakehouseBackups backups, AuditLog? audit = null)
{
    /// <summary>How many damaged files the failure names; the Backups page lists them all per set.</summary>
    private const int NamedProblems = 20;

    public Task<JobOutcome> RunAsync(string owner, IProgress<JobStep> progress, CancellationToken ct) =>
        audit.TrackAsync(owner, AuditAction.Maintenance, "backups", "Scheduled verify of every backup set", () => VerifyAllAsync(progress, ct));

    private async Task<JobOutcome> VerifyAllAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, "listing backup sets"));
        var sets = await backups.ListAsync(ct).ConfigureAwait(false);
        if (sets.Count == 0)
        {
            return JobOutcome.Skipped("The repository has no backup set to verify yet.");
        }

        var problems = sets.Where(s => s.Damage is not null).Select(s => $"set {s.SetId}: its manifest cannot be read").ToList();
        var readable = sets.Where(s => s.Damage is null).ToList();
        var files = 0;
        long bytes = 0;
        for (var i = 0; i < readable.Count; i++)
        {
            var step = new BackupStepProgress(progress, (double)i / readable.Count, (i + 1.0) / readable.Count);
            var result = await backups.VerifyAsync(readable[i].SetId, ct, step).ConfigureAwait(false);
            files += result.FilesChecked;
            bytes += result.BytesChecked;
            problems.AddRange(result.Problems.Select(p => $"set {result.SetId}: {p.Path} ({p.Kind.ToString().ToLowerInvariant()})"));
        }

        if (problems.Count > 0)
        {
            var more = problems.Count > NamedProblems ? $"; and {problems.Count - NamedProblems:N0} more (see the Backups page)" : "";
            throw new JobException(
                $"Verify found {problems.Count:N0} problem(s); the sets named are marked unusable and restore refuses them: " +
                string.Join("; ", problems.Take(NamedProblems)) + more + ". Take a new backup, and check the repository's disk or bucket.");
        }

        return JobOutcome.Done($"{readable.Count:N0} set(s) verified, {files:N0} file(s), {bytes:N0} bytes: every set is usable.");
    }
}
