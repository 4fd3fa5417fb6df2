using System.Diagnostics.Metrics;
using Hangfire;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// Hangfire's queue lengths as an observable gauge (<c>neurolake.job.queue.length</c> by queue), read from this
/// host's own job storage at each scrape. A storage that cannot be read reports nothing rather than failing the scrape.
/// </summary>
public sealed class JobQueueMetrics : IDisposable
{
    public const string MeterName = "NeuroLake.Jobs";

    private static readonly string[] Queues = [JobQueues.Maintenance, JobQueues.Default];

    private readonly Meter _meter = new(MeterName);

    public JobQueueMetrics(JobStorage storage, ILogger<JobQueueMetrics> logger)
    {
        _meter.CreateObservableGauge("neurolake.job.queue.length", () => Read(storage, logger), "{job}", "Jobs waiting in each Hangfire queue.");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Read(JobStorage storage, ILogger logger)
    {
        var measurements = new List<Measurement<long>>();
        try
        {
            var monitoring = storage.GetMonitoringApi();
            foreach (var queue in Queues)
            {
                measurements.Add(new Measurement<long>(monitoring.EnqueuedCount(queue), new KeyValuePair<string, object?>("queue", queue)));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not read the job queue lengths for the metrics");
            return [];
        }

        return measurements;
    }
}
