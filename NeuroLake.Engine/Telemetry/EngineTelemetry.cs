using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NeuroLake.Engine.Telemetry;

/// <summary>
/// The engine's traces and metrics, under one name (<see cref="Name"/>) a host subscribes to with OpenTelemetry.
/// Static, like the framework's own sources: instruments cost nothing until a listener is attached, and every engine
/// in the process reports into the same series.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "NeuroLake";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Statements = Meter.CreateCounter<long>(
        "neurolake.statements", "{statement}", "SQL statements run, by kind and outcome.");

    private static readonly Histogram<double> StatementDuration = Meter.CreateHistogram<double>(
        "neurolake.statement.duration", "s", "Wall time of one SQL statement, by kind and outcome.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800] });

    private static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        "neurolake.commits", "{commit}", "Delta commits, by operation and outcome (committed, conflict).");

    private static readonly Counter<long> CommitRetries = Meter.CreateCounter<long>(
        "neurolake.commit.retries", "{retry}", "Versions lost to a concurrent writer and retried on top of it.");

    private static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>(
        "neurolake.bytes.written", "By", "Bytes of data files added by commits, by operation.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "neurolake.job.runs", "{run}", "Finished job runs, by kind and status.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "neurolake.job.duration", "s", "Wall time of one job run, by kind and status.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1, 5, 15, 60, 300, 900, 3600, 14400] });

    private static readonly Counter<long> Ingestions = Meter.CreateCounter<long>(
        "neurolake.ingestions", "{ingestion}", "File ingestions, by format and outcome.");

    private static readonly Histogram<double> AdmissionWait = Meter.CreateHistogram<double>(
        "neurolake.admission.wait", "s", "Time work waited for a slot before it ran, by workload class (work that ran at once is not counted).", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800] });

    private static readonly ObservableGauge<int> AdmissionQueue = Meter.CreateObservableGauge(
        "neurolake.admission.queue", Admission.AdmissionTelemetry.QueueLengths, "{item}", "Work waiting for a slot now, by workload class.");

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "neurolake.cache.lookups", "{lookup}", "Remote files a statement asked the local file cache for, by result (hit: on disk or already being fetched; miss: fetched).");

    private static readonly Counter<long> CacheFetchedBytes = Meter.CreateCounter<long>(
        "neurolake.cache.fetched", "By", "Bytes the local file cache downloaded from remote stores.");

    private static readonly Counter<long> CacheEvictions = Meter.CreateCounter<long>(
        "neurolake.cache.evictions", "{file}", "Files the local file cache evicted to stay under its capacity.");

    private static readonly Counter<long> CacheEvictedBytes = Meter.CreateCounter<long>(
        "neurolake.cache.evicted", "By", "Bytes of files the local file cache evicted.");

    /// <summary>One file looked up in the local file cache.</summary>
    public static void CacheLookup(bool hit) => CacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>The local file cache downloaded a file of <paramref name="bytes"/> bytes.</summary>
    public static void CacheFetched(long bytes) => CacheFetchedBytes.Add(bytes);

    /// <summary>The local file cache evicted a file of <paramref name="bytes"/> bytes.</summary>
    public static void CacheEvicted(long bytes)
    {
        CacheEvictions.Add(1);
        CacheEvictedBytes.Add(bytes);
    }

    /// <summary>Work of <paramref name="workload"/> waited <paramref name="waited"/> before it was admitted.</summary>
    public static void AdmissionWaited(string workload, TimeSpan waited) =>
        AdmissionWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("workload", workload));

    /// <summary>One statement ended; <paramref name="kind"/> is null when it never got classified (it did not parse).</summary>
    public static void Statement(string? kind, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", kind ?? "unparsed" }, { "outcome", outcome } };
        Statements.Add(1, tags);
        StatementDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A commit succeeded after <paramref name="attempts"/> tries, adding <paramref name="bytesAdded"/> bytes of data files.</summary>
    public static void Committed(string operation, int attempts, long bytesAdded)
    {
        var tag = new KeyValuePair<string, object?>("operation", operation);
        Commits.Add(1, tag, new KeyValuePair<string, object?>("outcome", "committed"));
        if (attempts > 1)
        {
            CommitRetries.Add(attempts - 1, tag);
        }

        if (bytesAdded > 0)
        {
            BytesWritten.Add(bytesAdded, tag);
        }
    }

    /// <summary>A commit gave up: a concurrent writer changed what it read, or it lost the race too often.</summary>
    public static void CommitConflict(string operation) =>
        Commits.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", "conflict"));

    public static void JobRun(string kind, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "kind", kind }, { "status", status } };
        JobRuns.Add(1, tags);
        JobDuration.Record(elapsed.TotalSeconds, tags);
    }

    public static void Ingestion(string format, string outcome) =>
        Ingestions.Add(1, new KeyValuePair<string, object?>("format", format), new KeyValuePair<string, object?>("outcome", outcome));
}
