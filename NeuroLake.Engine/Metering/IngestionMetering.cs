using Microsoft.Extensions.Logging;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// Meters a file load that does not go through SQL (the ingestion API and wizard): wall and CPU time, the source file's
/// bytes as scanned, the table written, under the Ingestion class (or the running job's). Like a statement's, the record
/// is queued, and one that cannot be queued is logged, never the load's failure.
/// </summary>
public sealed class IngestionMetering(MeteredWorkStore store, ILogger<IngestionMetering> logger)
{
    /// <summary>Runs <paramref name="load"/> for <paramref name="user"/> into <paramref name="table"/> and meters it however it ends.</summary>
    /// <param name="table">Dotted name, <c>catalog.schema.table</c>.</param>
    /// <param name="sourceBytes">Size of the file read.</param>
    public async Task<T> TrackAsync<T>(string user, string table, long sourceBytes, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var meter = new WorkMeter(DateTimeOffset.UtcNow);
        var outcome = "Error";
        try
        {
            var result = await load().ConfigureAwait(false);
            outcome = "Ok";
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "Cancelled";
            throw;
        }
        finally
        {
            await RecordAsync(user, table, sourceBytes, meter, outcome).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(string user, string table, long sourceBytes, WorkMeter meter, string outcome)
    {
        var (wall, cpu) = meter.Elapsed();
        var job = MeteredJob.Current;
        job?.AddStatementCpu(cpu);
        try
        {
            await store.QueueAsync(
                new MeteredWork(
                    Guid.NewGuid(), WorkSource.Ingestion, job?.Workload ?? WorkloadClass.Ingestion, user, "FileIngestion", outcome, meter.StartedAt,
                    wall, cpu, sourceBytes, 1, [new TableScan(table, 0, 0, Written: true)], job?.RunId),
                e => MeteringLog.IngestionNotMetered(logger, e, user)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            MeteringLog.IngestionNotMetered(logger, e, user);
        }
    }
}

/// <summary>Meters a load when metering is registered, else just runs it.</summary>
public static class IngestionMeteringExtensions
{
    public static Task<T> MeterAsync<T>(this IngestionMetering? metering, string user, string table, long sourceBytes, Func<Task<T>> load) =>
        metering is null ? load() : metering.TrackAsync(user, table, sourceBytes, load);
}
