using Hangfire;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Pipelines;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// What the Jobs page and API do to jobs: every change goes to the catalog's definition first, then the Hangfire
/// recurring job is made to match it — a paused job has no recurring entry, so it cannot fire. Whoever creates a job
/// must hold what it needs (MODIFY for maintenance, SELECT for re-profiling, a pipeline author for pipelines,
/// administrator for lakehouse-wide jobs);
/// only its owner or an administrator changes, runs or cancels it. The job then runs as its owner, so its statements
/// are checked again when they run.
/// </summary>
public sealed class JobScheduler(
    JobDefinitionStore definitions, JobRunStore runs, RunningJobs running, IRecurringJobManager recurring, IBackgroundJobClient background,
    PrivilegeEvaluator privileges, PipelineRegistry pipelines, PipelineAuthoring authors)
{
    /// <summary>The recurring job that prunes run history daily.</summary>
    public const string RetentionJobId = "neurolake-history-retention";

    public async Task<JobDefinition> CreateAsync(JobDraft draft, string owner, CancellationToken ct)
    {
        if (SystemJobs.IsSystemKind(draft.Kind))
        {
            throw new JobException($"NeuroLake keeps one {draft.Kind} job itself: change the schedule of the existing one on the Jobs page instead.");
        }

        await RequireMayScheduleAsync(draft, owner, ct);
        var created = await definitions.CreateAsync(draft, owner, ct);
        Mirror(created);
        return created;
    }

    /// <summary>Changes a job; of a system job only the schedule and its time zone change (it stays what it is).</summary>
    public async Task<JobDefinition> UpdateAsync(Guid id, JobDraft draft, string actor, CancellationToken ct)
    {
        var job = await RequireOwnerAsync(id, actor, ct);
        if (SystemJobs.IsSystem(job))
        {
            draft = new JobDraft(job.Name, job.Kind, null, draft.Cron, draft.TimeZone);
        }
        else if (SystemJobs.IsSystemKind(draft.Kind))
        {
            throw new JobException($"NeuroLake keeps one {draft.Kind} job itself: a job cannot become one.");
        }

        await RequireMayScheduleAsync(draft, actor, ct);
        var updated = await definitions.UpdateAsync(id, draft, ct);
        Mirror(updated);
        return updated;
    }

    public async Task<JobDefinition> PauseAsync(Guid id, string user, CancellationToken ct)
    {
        await RequireOwnerAsync(id, user, ct);
        var paused = await definitions.PauseAsync(id, user, ct);
        Mirror(paused);
        return paused;
    }

    public async Task<JobDefinition> ResumeAsync(Guid id, string actor, CancellationToken ct)
    {
        await RequireOwnerAsync(id, actor, ct);
        var resumed = await definitions.ResumeAsync(id, ct);
        Mirror(resumed);
        return resumed;
    }

    /// <summary>Deletes a job; a system job is refused (pause it instead), since NeuroLake relies on it.</summary>
    public async Task<bool> DeleteAsync(Guid id, string actor, CancellationToken ct)
    {
        var job = await RequireOwnerAsync(id, actor, ct);
        if (SystemJobs.IsSystem(job))
        {
            throw new JobException($"'{job.Name}' is a system job and cannot be deleted: pause it, or change its schedule.");
        }

        recurring.RemoveIfExists(RecurringId(id));
        return await definitions.DeleteAsync(id, ct);
    }

    /// <summary>Runs the job once now, paused or not; the run is in the history at once, queued.</summary>
    public async Task<JobRun> RunNowAsync(Guid id, string user, CancellationToken ct)
    {
        var definition = await RequireOwnerAsync(id, user, ct);
        var run = await runs.QueueAsync(definition.Kind, definition.Table, definition.Id, user, ct);
        var externalId = background.Enqueue<HangfireJobs>(JobQueues.For(definition.Kind), j => j.RunAsync(run.Id, CancellationToken.None));
        await runs.SetExternalIdAsync(run.Id, externalId, ct);
        return run with { ExternalId = externalId };
    }

    /// <summary>
    /// Re-profiles <paramref name="table"/> once now, without a recurring job (the quality API's re-profile): whoever
    /// may SELECT the table may ask; the run is in the history at once, queued, and its trigger may cancel it.
    /// </summary>
    public async Task<JobRun> ReprofileNowAsync(SecurablePath table, string user, CancellationToken ct)
    {
        await RequireMayScheduleAsync(new JobDraft("re-profile", JobKind.QualityReprofile, table, "0 0 * * *", "UTC"), user, ct);
        var run = await runs.QueueAsync(JobKind.QualityReprofile, table, null, user, ct);
        var externalId = background.Enqueue<HangfireJobs>(JobQueues.For(JobKind.QualityReprofile), j => j.RunAsync(run.Id, CancellationToken.None));
        await runs.SetExternalIdAsync(run.Id, externalId, ct);
        return run with { ExternalId = externalId };
    }

    /// <summary>
    /// Takes a backup once now (the Backups page's "Back up now"), without a recurring job: administrators only, since a
    /// set holds every table; the run is in the history at once, queued in the backup queue, and runs as its trigger.
    /// </summary>
    public async Task<JobRun> BackupNowAsync(string user, CancellationToken ct)
    {
        if (!await privileges.IsAdminAsync(user, ct))
        {
            throw new PermissionDeniedException("permission denied: only an administrator may take a backup.");
        }

        var run = await runs.QueueAsync(JobKind.Backup, null, null, user, ct);
        var externalId = background.Enqueue<HangfireJobs>(JobQueues.For(JobKind.Backup), j => j.RunAsync(run.Id, CancellationToken.None));
        await runs.SetExternalIdAsync(run.Id, externalId, ct);
        return run with { ExternalId = externalId };
    }

    /// <summary>
    /// Starts a tiering run now (the tiering API and panel), without a recurring job: administrators only, since it moves
    /// every table's files; queued like a backup and run as its trigger.
    /// </summary>
    public async Task<JobRun> TierNowAsync(string user, CancellationToken ct)
    {
        if (!await privileges.IsAdminAsync(user, ct))
        {
            throw new PermissionDeniedException("permission denied: only an administrator may run storage tiering.");
        }

        var run = await runs.QueueAsync(JobKind.Tiering, null, null, user, ct);
        var externalId = background.Enqueue<HangfireJobs>(JobQueues.For(JobKind.Tiering), j => j.RunAsync(run.Id, CancellationToken.None));
        await runs.SetExternalIdAsync(run.Id, externalId, ct);
        return run with { ExternalId = externalId };
    }

    /// <summary>
    /// Stops a run: a running one within moments (its statement is interrupted; nothing half-done commits), a queued
    /// one before it starts. False when the run already finished.
    /// </summary>
    public async Task<bool> CancelAsync(Guid runId, string actor, CancellationToken ct)
    {
        var run = await runs.FindAsync(runId, ct);
        if (run is null)
        {
            return false;
        }

        if (run.DefinitionId is { } id && await definitions.FindAsync(id, ct) is { } job)
        {
            await RequireOwnerAsync(job, actor, ct);
        }
        else if (run.DefinitionId is null && string.Equals(run.TriggeredBy, actor, StringComparison.Ordinal))
        {
            // A one-off run (a re-profile asked for through the API) is its trigger's to stop.
        }
        else if (!await privileges.IsAdminAsync(actor, ct))
        {
            throw new PermissionDeniedException("permission denied: only an administrator may cancel a run whose job was deleted.");
        }

        if (running.Cancel(runId))
        {
            return true;
        }

        if (run.IsFinished)
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

    /// <summary>
    /// Schedules <paramref name="draft"/> for a table its owner just created (the default policy of Admin → Settings).
    /// Their privileges are not checked here: they created the table, and the job's statements are checked as theirs when it runs.
    /// </summary>
    public async Task<JobDefinition> CreateForNewTableAsync(JobDraft draft, string owner, CancellationToken ct)
    {
        var created = await definitions.CreateAsync(draft, owner, ct);
        Mirror(created);
        return created;
    }

    /// <summary>
    /// Makes Hangfire's recurring jobs match the catalog's definitions (at start, after a restore or import), creating
    /// the system jobs the first time (a restart finds them by id, paused or rescheduled as they were left).
    /// </summary>
    public async Task SyncAllAsync(CancellationToken ct)
    {
        foreach (var (id, draft) in SystemJobs.Defaults)
        {
            await definitions.EnsureAsync(id, draft, SystemJobs.Owner, ct);
        }

        foreach (var definition in await definitions.ListAsync(ct: ct))
        {
            Mirror(definition);
        }

        recurring.AddOrUpdate<HangfireJobs>(RetentionJobId, JobQueues.Default, j => j.PruneHistoryAsync(CancellationToken.None), "15 3 * * *");
    }

    public static string RecurringId(Guid definitionId) => $"job-{definitionId:N}";

    /// <summary>Whether <paramref name="user"/> may change, run and cancel <paramref name="job"/>.</summary>
    public async Task<bool> MayManageAsync(JobDefinition job, string user, CancellationToken ct) =>
        string.Equals(job.Owner, user, StringComparison.Ordinal) || await privileges.IsAdminAsync(user, ct);

    private async Task<JobDefinition> RequireOwnerAsync(Guid id, string actor, CancellationToken ct)
    {
        var job = await definitions.FindAsync(id, ct) ?? throw new JobException("There is no such job: it may have been deleted. Reload the list of jobs.");
        await RequireOwnerAsync(job, actor, ct);
        return job;
    }

    private async Task RequireOwnerAsync(JobDefinition job, string actor, CancellationToken ct)
    {
        if (!await MayManageAsync(job, actor, ct))
        {
            throw new PermissionDeniedException($"permission denied: the job '{job.Name}' belongs to {job.Owner}; ask them or an administrator to change it.");
        }
    }

    private async Task RequireMayScheduleAsync(JobDraft draft, string user, CancellationToken ct)
    {
        if (draft.Kind == JobKind.Pipeline)
        {
            // The pipeline must exist now; its statements are checked against the owner's privileges when it runs.
            await authors.RequireMaySaveAsync(user, ct);
            await pipelines.GetAsync(draft.Pipeline!.Trim(), ct);
            return;
        }

        var (privilege, what) = draft.Kind switch
        {
            JobKind.TableMaintenance => (Privilege.Modify, "MODIFY"),
            JobKind.QualityReprofile => (Privilege.Select, "SELECT"),
            _ => ((Privilege?)null, "administrator"),
        };
        var allowed = privilege is { } needed && draft.Table is { } table
            ? await privileges.HasAsync(user, Securable.Of(table), needed, ct)
            : await privileges.IsAdminAsync(user, ct);
        if (!allowed)
        {
            throw new PermissionDeniedException(draft.Table is { } target
                ? $"permission denied: a {draft.Kind} job needs {what} on table {target}; ask its owner or an administrator to GRANT {what}."
                : $"permission denied: only an administrator may schedule a {draft.Kind} job.");
        }
    }

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
