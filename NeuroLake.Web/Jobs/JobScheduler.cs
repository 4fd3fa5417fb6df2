using Hangfire;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// What the Jobs page and API do to jobs: every change goes to the catalog's definition first, then the Hangfire
/// recurring job is made to match it — a paused job has no recurring entry, so it cannot fire.
/// </summary>
public sealed class JobScheduler(
    JobDefinitionStore definitions, JobRunStore runs, RunningJobs running, IRecurringJobManager recurring, IBackgroundJobClient background)
{
    /// <summary>The recurring job that prunes run history daily.</summary>
    public const string RetentionJobId = "neurolake-history-retention";

    public async Task<JobDefinition> CreateAsync(JobDraft draft, string owner, CancellationToken ct)
    {
        var created = await definitions.CreateAsync(draft, owner, ct);
        Mirror(created);
        return created;
    }

    public async Task<JobDefinition> UpdateAsync(Guid id, JobDraft draft, CancellationToken ct)
    {
        var updated = await definitions.UpdateAsync(id, draft, ct);
        Mirror(updated);
        return updated;
    }

    public async Task<JobDefinition> PauseAsync(Guid id, string user, CancellationToken ct)
    {
        var paused = await definitions.PauseAsync(id, user, ct);
        Mirror(paused);
        return paused;
    }

    public async Task<JobDefinition> ResumeAsync(Guid id, CancellationToken ct)
    {
        var resumed = await definitions.ResumeAsync(id, ct);
        Mirror(resumed);
        return resumed;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        recurring.RemoveIfExists(RecurringId(id));
        return await definitions.DeleteAsync(id, ct);
    }

    /// <summary>Runs the job once now, paused or not; the run is in the history at once, queued.</summary>
    public async Task<JobRun> RunNowAsync(Guid id, string user, CancellationToken ct)
    {
        var definition = await definitions.FindAsync(id, ct) ?? throw new JobException("There is no such job: it may have been deleted. Reload the list of jobs.");
        var run = await runs.QueueAsync(definition.Kind, definition.Table, definition.Id, user, ct);
        var externalId = background.Enqueue<HangfireJobs>(JobQueues.For(definition.Kind), j => j.RunAsync(run.Id, CancellationToken.None));
        await runs.SetExternalIdAsync(run.Id, externalId, ct);
        return run with { ExternalId = externalId };
    }

    /// <summary>
    /// Stops a run: a running one within moments (its statement is interrupted; nothing half-done commits), a queued
    /// one before it starts. False when the run already finished.
    /// </summary>
    public async Task<bool> CancelAsync(Guid runId, CancellationToken ct)
    {
        if (running.Cancel(runId))
        {
            return true;
        }

        var run = await runs.FindAsync(runId, ct);
        if (run is null || run.IsFinished)
        {
            return false;
        }

        await runs.FinishAsync(runId, JobRunStatus.Cancelled, run.Step, "Cancelled before it started.", null, ct);
        if (run.ExternalId is { } externalId)
        {
            background.Delete(externalId);
        }

        return true;
    }

    /// <summary>Makes Hangfire's recurring jobs match the catalog's definitions (at start, after a restore or import).</summary>
    public async Task SyncAllAsync(CancellationToken ct)
    {
        foreach (var definition in await definitions.ListAsync(ct: ct))
        {
            Mirror(definition);
        }

        recurring.AddOrUpdate<HangfireJobs>(RetentionJobId, JobQueues.Default, j => j.PruneHistoryAsync(CancellationToken.None), "15 3 * * *");
    }

    public static string RecurringId(Guid definitionId) => $"job-{definitionId:N}";

    private void Mirror(JobDefinition definition)
    {
        if (definition.IsPaused)
        {
            recurring.RemoveIfExists(RecurringId(definition.Id));
            return;
        }

        recurring.AddOrUpdate<HangfireJobs>(
            RecurringId(definition.Id),
            JobQueues.For(definition.Kind),
            j => j.FireAsync(definition.Id, CancellationToken.None),
            definition.Cron,
            new RecurringJobOptions { TimeZone = definition.Schedule.Zone });
    }
}
