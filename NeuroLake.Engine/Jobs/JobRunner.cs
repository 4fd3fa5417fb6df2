using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Jobs.Backups;
using NeuroLake.Engine.Jobs.Cleanup;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Notifications;
using NeuroLake.Engine.Telemetry;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// Runs one queued run of a recurring job: marks it running, calls the job body with a progress reporter that
/// writes to the run's history row, and records how it ended — succeeded, skipped, cancelled (with where it
/// stopped) or failed (with the error a user can act on; the <see cref="JobFailureNotifier"/>, when given, then tells
/// the owner). Each run is metered (wall and CPU time outside the statements it runs, which are metered themselves)
/// when a <see cref="JobMetering"/> is given. Knows nothing about the scheduler that called it.
/// </summary>
public sealed class JobRunner(
    JobDefinitionStore definitions,
    JobRunStore runs,
    RunningJobs running,
    TableMaintenanceJob maintenance,
    QualityReprofileJob reprofile,
    CatalogDriftJob drift,
    PipelineJob pipeline,
    TimeProvider time,
    ILogger<JobRunner> logger,
    UploadCleanupJob? uploadCleanup = null,
    ScratchCleanupJob? scratchCleanup = null,
    JobFailureNotifier? notifier = null,
    StorageMeteringJob? storageMetering = null,
    JobMetering? metering = null,
    BackupJob? backup = null,
    VerifyBackupsJob? verifyBackups = null,
    Tiering.TieringJob? tiering = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="runId"/>; returns its final status. Throws only when <paramref name="ct"/> (the host stopping) fired.</summary>
    public async Task<JobRunStatus> RunAsync(Guid runId, CancellationToken ct)
    {
        var run = await runs.FindAsync(runId, CancellationToken.None).ConfigureAwait(false);
        if (run is null || !await runs.StartAsync(runId, CancellationToken.None).ConfigureAwait(false))
        {
            // Cancelled while it waited, or pruned: nothing to do.
            return run?.Status ?? JobRunStatus.Cancelled;
        }

        using var registration = running.Enter(runId, ct);
        using var span = EngineTelemetry.Source.StartActivity("job");
        span?.SetTag("neurolake.job.kind", run.Kind.ToString());
        var started = time.GetTimestamp();
        var reporter = new RunProgress(runs, runId, time, ProgressInterval);
        var status = JobRunStatus.Failed;
        try
        {
            var outcome = await ExecuteAsync(run, reporter, registration.Token).ConfigureAwait(false);
            await runs.FinishAsync(runId, outcome.Status, outcome.Status == JobRunStatus.Skipped ? "skipped" : "done", outcome.Summary, null, CancellationToken.None)
                .ConfigureAwait(false);
            return status = outcome.Status;
        }
        catch (OperationCanceledException) when (registration.CancelRequested)
        {
            if (ct.IsCancellationRequested)
            {
                // The app is stopping: the scheduler retries the job after the restart.
                await runs.FinishAsync(runId, JobRunStatus.Failed, reporter.LastStep, null,
                    $"The app stopped during '{reporter.LastStep}'; nothing half-done was committed. The scheduler retries it.", CancellationToken.None).ConfigureAwait(false);
                await NotifyFailedAsync(runId).ConfigureAwait(false);
                throw;
            }

            await runs.FinishAsync(runId, JobRunStatus.Cancelled, reporter.LastStep, $"Cancelled during '{reporter.LastStep}'; nothing half-done was committed.", null, CancellationToken.None)
                .ConfigureAwait(false);
            return status = JobRunStatus.Cancelled;
        }
        catch (NeuroLakeException e)
        {
            await runs.FinishAsync(runId, JobRunStatus.Failed, reporter.LastStep, null, e.Message, CancellationToken.None).ConfigureAwait(false);
            await NotifyFailedAsync(runId).ConfigureAwait(false);
            return JobRunStatus.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job run {RunId} ({Kind}) failed", runId, run.Kind);
            await runs.FinishAsync(runId, JobRunStatus.Failed, reporter.LastStep, null,
                $"The job failed unexpectedly during '{reporter.LastStep}' ({e.GetType().Name}); nothing half-done was committed. The server log has the details.",
                CancellationToken.None).ConfigureAwait(false);
            await NotifyFailedAsync(runId).ConfigureAwait(false);
            return JobRunStatus.Failed;
        }
        finally
        {
            EngineTelemetry.JobRun(run.Kind.ToString(), status.ToString(), time.GetElapsedTime(started));
            span?.SetTag("neurolake.job.status", status.ToString());
        }
    }

    private Task NotifyFailedAsync(Guid runId) => notifier?.NotifyAsync(runId) ?? Task.CompletedTask;

    private async Task<JobOutcome> ExecuteAsync(JobRun run, IProgress<JobStep> progress, CancellationToken ct)
    {
        if (run is { DefinitionId: null, Kind: JobKind.QualityReprofile, Table: { } table })
        {
            // A one-off re-profile asked for now, without a recurring job.
            return await reprofile.RunAsync(table, progress, ct).ConfigureAwait(false);
        }

        var definition = run.DefinitionId is { } id
            ? await definitions.FindAsync(id, ct).ConfigureAwait(false) ?? throw new JobException("The job was deleted before this run started.")
            : run.Kind is JobKind.Backup or JobKind.Tiering
                ? OneOff(run)
                : throw new JobException("This run has no job definition to run.");
        using var metered = JobMetering.Begin(run, definition, time);
        var outcome = "Failed";
        try
        {
            var result = await ExecuteAsync(definition, progress, ct).ConfigureAwait(false);
            outcome = result.Status.ToString();
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "Cancelled";
            throw;
        }
        finally
        {
            await (metering?.RecordAsync(metered, outcome) ?? Task.CompletedTask).ConfigureAwait(false);
        }
    }

    /// <summary>A backup or tiering run asked for now (Backups page, tiering API): it runs, is metered and audited as its trigger, like a job they own.</summary>
    private static JobDefinition OneOff(JobRun run) =>
        new(run.Id, run.Kind == JobKind.Backup ? "Back up now" : "Tier storage now", run.Kind, null, "", "UTC", null, run.TriggeredBy, null, null, run.QueuedAt, run.QueuedAt);

    private async Task<JobOutcome> ExecuteAsync(JobDefinition definition, IProgress<JobStep> progress, CancellationToken ct) =>
        definition.Kind switch
        {
            JobKind.TableMaintenance => await maintenance.RunAsync(definition.Table!, definition.Maintenance!, definition.Owner, progress, ct).ConfigureAwait(false),
            JobKind.QualityReprofile => await reprofile.RunAsync(definition.Table!, progress, ct).ConfigureAwait(false),
            JobKind.CatalogDrift => await drift.RunAsync(progress, ct).ConfigureAwait(false),
            JobKind.Pipeline => await pipeline.RunAsync(definition.Pipeline!, definition.Owner, progress, ct).ConfigureAwait(false),
            JobKind.UploadCleanup when uploadCleanup is not null => await uploadCleanup.RunAsync(progress, ct).ConfigureAwait(false),
            JobKind.ScratchCleanup when scratchCleanup is not null => await scratchCleanup.RunAsync(progress, ct).ConfigureAwait(false),
            JobKind.StorageMetering when storageMetering is not null => await storageMetering.RunAsync(progress, ct).ConfigureAwait(false),
            JobKind.Backup when backup is not null => await backup.RunAsync(definition.Owner, progress, ct).ConfigureAwait(false),
            JobKind.VerifyBackups when verifyBackups is not null => await verifyBackups.RunAsync(definition.Owner, progress, ct).ConfigureAwait(false),
            JobKind.Tiering when tiering is not null => await tiering.RunAsync(definition.Owner, progress, ct).ConfigureAwait(false),
            _ => throw new JobException($"This version of NeuroLake cannot run {definition.Kind} jobs."),
        };

    /// <summary>Writes progress to the run's row at most once per interval (the last step is always kept in memory).</summary>
    private sealed class RunProgress(JobRunStore runs, Guid runId, TimeProvider time, TimeSpan interval) : IProgress<JobStep>
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _written = DateTimeOffset.MinValue;

        public string LastStep { get; private set; } = "starting";

        public void Report(JobStep value)
        {
            bool write;
            lock (_gate)
            {
                LastStep = value.Step;
                var now = time.GetUtcNow();
                write = now - _written >= interval;
                if (write)
                {
                    _written = now;
                }
            }

            if (write)
            {
                // Progress is advisory: a failed write must not fail the job.
                _ = runs.ReportAsync(runId, value.Fraction, value.Step).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
