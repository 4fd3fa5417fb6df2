using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Engine.Jobs.Backups;

/// <summary>
/// The scheduled backup: takes a set of the whole lakehouse through <see cref="LakehouseBackups"/>, then applies the
/// configured retention, each step audited as the job's owner (an administrator: only they may schedule it).
/// </summary>
public sealed class BackupJob(LakehouseBackups backups, BackupRetentionPolicy retention, AuditLog? audit = null)
{
    /// <summary>The share of a run's progress bar the backup itself takes; retention has the rest.</summary>
    private const double BackupShare = 0.9;

    public async Task<JobOutcome> RunAsync(string owner, IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, "exporting the catalog"));
        var taken = await audit.TrackAsync(owner, AuditAction.Maintenance, "backup", "Scheduled backup of the lakehouse",
            () => backups.BackupAsync(ct, new BackupStepProgress(progress, 0, BackupShare))).ConfigureAwait(false);
        progress.Report(new JobStep(BackupShare, "applying retention"));
        var plan = await audit.TrackAsync(owner, AuditAction.Maintenance, "backup retention", "Retention after a scheduled backup",
            () => backups.ApplyRetentionAsync(retention, dryRun: false, ct)).ConfigureAwait(false);
        progress.Report(new JobStep(1, "done"));
        return JobOutcome.Done(
            $"Set {taken.SetId}: {taken.Tables:N0} table(s), {taken.Files:N0} file(s), {taken.TotalBytes:N0} bytes " +
            $"({taken.NewObjects:N0} new object(s), {taken.NewBytes:N0} new bytes); " +
            $"retention removed {plan.Removed.Count:N0} set(s) and {plan.ObjectsRemoved:N0} object(s), {plan.BytesRemoved:N0} bytes" +
            (plan.ObjectsKeptBecause is { } why ? $" ({why})" : ""));
    }
}
