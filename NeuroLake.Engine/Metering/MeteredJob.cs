namespace NeuroLake.Engine.Metering;

/// <summary>
/// The job run the current code runs for (flows with the async context, like <c>Activity.Current</c>): statements a job
/// runs through the query service take its workload class and run id, and add their CPU time here, so the run's own
/// record can leave it out rather than count it twice.
/// </summary>
internal sealed class MeteredJob
{
    private static readonly AsyncLocal<MeteredJob?> Ambient = new();
    private long _statementCpuTicks;

    private MeteredJob(WorkloadClass workload, Guid runId)
    {
        Workload = workload;
        RunId = runId;
    }

    public static MeteredJob? Current => Ambient.Value;

    public WorkloadClass Workload { get; }

    public Guid RunId { get; }

    /// <summary>CPU time of the statements the run executed so far.</summary>
    public TimeSpan StatementCpu => TimeSpan.FromTicks(Interlocked.Read(ref _statementCpuTicks));

    public void AddStatementCpu(TimeSpan cpu) => Interlocked.Add(ref _statementCpuTicks, cpu.Ticks);

    /// <summary>Makes a run current until the returned scope is disposed.</summary>
    public static Scope Enter(WorkloadClass workload, Guid runId)
    {
        var previous = Ambient.Value;
        var job = Ambient.Value = new MeteredJob(workload, runId);
        return new Scope(job, previous);
    }

    public sealed class Scope(MeteredJob job, MeteredJob? previous) : IDisposable
    {
        public MeteredJob Job => job;

        public void Dispose() => Ambient.Value = previous;
    }
}
