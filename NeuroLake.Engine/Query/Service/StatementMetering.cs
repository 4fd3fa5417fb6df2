using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Queues one metered record per statement: wall and CPU time, the bytes of the table versions it read, its user,
/// tables and workload class (the job's when a job runs it, else interactive). Queued, never awaited for writing, and a
/// record that cannot be queued is logged, never the user's problem.
/// </summary>
internal sealed class StatementMetering(MeteredWorkStore? store, string catalog, ILogger logger)
{
    public async Task RecordAsync(
        string user, WorkMeter? meter, string kind, QueryStatus status, IReadOnlyList<TableVersion>? read, TableVersion? written)
    {
        if (store is null || meter is null)
        {
            return;
        }

        var (wall, cpu) = meter.Elapsed();
        var job = MeteredJob.Current;
        job?.AddStatementCpu(cpu);
        var scans = meter.Scans().ToList();
        foreach (var table in (read ?? []).Select(Name).Distinct().Where(t => scans.All(s => s.Table != t)))
        {
            // Read without a snapshot resolved for it (e.g. DESCRIBE): touched, nothing scanned.
            scans.Add(new TableScan(table, 0, 0));
        }

        if (written is not null)
        {
            var name = Name(written);
            var index = scans.FindIndex(s => s.Table == name);
            if (index >= 0)
            {
                scans[index] = scans[index] with { Written = true };
            }
            else
            {
                scans.Add(new TableScan(name, 0, 0, Written: true));
            }
        }

        try
        {
            await store.QueueAsync(
                new MeteredWork(
                    Guid.NewGuid(), WorkSource.Statement, job?.Workload ?? WorkloadClass.InteractiveQuery, user, kind, status.ToString(),
                    meter.StartedAt, wall, cpu, scans.Sum(s => s.Bytes), scans.Sum(s => s.Files), scans, job?.RunId, meter.MemoryAllocatedBytes, meter.DuckDbCpu),
                e => MeteringLog.StatementNotMetered(logger, e, user));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            MeteringLog.StatementNotMetered(logger, e, user);
        }
    }

    private string Name(TableVersion table) => $"{catalog}.{table.Schema}.{table.Table}";
}
