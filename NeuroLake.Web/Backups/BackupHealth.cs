using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Backups;

/// <summary>
/// How backups stand, for administrators on Home: the newest set's age, the most recent backup run that failed after it,
/// and whether the active backup schedules promise a newer set than there is.
/// </summary>
public sealed class BackupHealth(LakehouseBackups sets, JobDefinitionStore definitions, JobRunStore runs, TimeProvider time)
{
    public async Task<BackupHealthReport> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lastSetAt = await sets.LastSetAtAsync(ct);
        var schedules = (await definitions.ListAsync(null, ct)).Where(d => d is { Kind: JobKind.Backup, IsPaused: false }).ToList();
        var interval = BackupSchedulePromise.Interval(schedules.Select(d => d.Schedule), now);
        var latestRun = (await runs.SearchAsync(new JobRunQuery(Kind: JobKind.Backup, Take: 1), ct)).Runs.FirstOrDefault();
        var failed = latestRun is { Status: JobRunStatus.Failed } ? latestRun : null;
        return new BackupHealthReport(lastSetAt, lastSetAt is { } at ? now - at : null, interval, schedules.Count, failed);
    }
}

/// <summary>
/// The state Home shows: <see cref="Age"/> of the newest set (null: none), the <see cref="PromisedInterval"/> of the
/// active backup schedules (null: none scheduled), and the latest backup run when it failed.
/// </summary>
public sealed record BackupHealthReport(DateTimeOffset? LastSetAt, TimeSpan? Age, TimeSpan? PromisedInterval, int Schedules, JobRun? FailedRun)
{
    /// <summary>A schedule promises a backup and the newest set is older than it allows (or there is none).</summary>
    public bool Overdue => PromisedInterval is { } interval && (Age is not { } age || age > BackupSchedulePromise.Deadline(interval));

    public bool NeedsAttention => Overdue || FailedRun is not null || PromisedInterval is null;
}
