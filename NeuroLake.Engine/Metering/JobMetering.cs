using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// Meters job runs: a run is charged to its job's owner under its kind's workload class, with the wall time of the
/// whole run and the CPU time outside the statements it ran (those are metered as statements, under the same class).
/// </summary>
public sealed class JobMetering(MeteredWorkStore store, ILogger<JobMetering> logger)
{
    /// <summary>Starts metering <paramref name="run"/>; statements run until the result is disposed count as the run's.</summary>
    internal static MeteredJobRun Begin(JobRun run, JobDefinition definition, TimeProvider time) =>
        new(run.Id, definition, MeteredJob.Enter(JobWorkloads.Of(definition.Kind), run.Id), new WorkMeter(time.GetUtcNow()));

    /// <summary>Queues the run's record; a record that cannot be written is logged, never the run's failure.</summary>
    internal async Task RecordAsync(MeteredJobRun run, string outcome)
    {
        var (wall, cpu) = run.Meter.Elapsed();
        var own = cpu - run.Scope.Job.StatementCpu;
        IReadOnlyList<TableScan> tables = run.Definition.Table is { } table ? [new TableScan(table.ToString(), 0, 0)] : [];
        var work = new MeteredWork(
            Guid.NewGuid(), WorkSource.JobRun, run.Scope.Job.Workload, run.Definition.Owner, run.Definition.Kind.ToString(), outcome,
            run.Meter.StartedAt, wall, own < TimeSpan.Zero ? TimeSpan.Zero : own, 0, 0, tables, run.RunId);
        try
        {
            await store.QueueAsync(work, e => MeteringLog.JobRunNotMetered(logger, e, run.RunId));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            MeteringLog.JobRunNotMetered(logger, e, run.RunId);
        }
    }
}

/// <summary>A job run being metered; disposing it ends the run's scope for the statements it runs.</summary>
internal sealed class MeteredJobRun(Guid runId, JobDefinition definition, MeteredJob.Scope scope, WorkMeter meter) : IDisposable
{
    public Guid RunId => runId;

    public JobDefinition Definition => definition;

    public MeteredJob.Scope Scope => scope;

    public WorkMeter Meter => meter;

    public void Dispose() => scope.Dispose();
}
