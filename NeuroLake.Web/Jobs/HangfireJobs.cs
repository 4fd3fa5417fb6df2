using NeuroLake.Engine.Settings;
using Hangfire;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// The methods Hangfire stores and calls: thin entries that hand over to the engine's <see cref="JobRunner"/>, so
/// job bodies never see a Hangfire type. Public because Hangfire serializes calls to it by type and method name.
/// </summary>
public sealed class HangfireJobs(JobDefinitionStore definitions, JobRunStore runs, JobRunner runner, SettingsStore settings, TimeProvider time)
{
    /// <summary>A recurring job's schedule fired: records a run and runs it (unless the job was paused or deleted meanwhile).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task FireAsync(Guid definitionId, CancellationToken ct)
    {
        var definition = await definitions.FindAsync(definitionId, ct);
        if (definition is null || definition.IsPaused)
        {
            return;
        }

        var run = await runs.QueueAsync(definition.Kind, definition.Table, definition.Id, "schedule", ct);
        await runner.RunAsync(run.Id, ct);
    }

    /// <summary>Runs a run recorded in advance (run now, retry).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken ct) => await runner.RunAsync(runId, ct);

    /// <summary>Applies history retention (days and runs per job, from the run-time settings).</summary>
    [AutomaticRetry(Attempts = 1)]
    public async Task PruneHistoryAsync(CancellationToken ct)
    {
        var current = settings.Current;
        await runs.PruneAsync(time.GetUtcNow().AddDays(-current.JobHistoryDays), current.JobHistoryRunsPerJob, ct);
    }
}
