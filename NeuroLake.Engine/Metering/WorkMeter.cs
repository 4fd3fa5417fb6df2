using System.Collections.Concurrent;
using System.Diagnostics;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// Measures one piece of work from its start: wall time, the process's CPU time (<see cref="Environment.CpuUsage"/>,
/// the same figure as <c>Process.TotalProcessorTime</c> without a Process object per call) and the table versions it read.
/// CPU is process-wide, so concurrent work blurs it: each of two statements running together is charged both's CPU.
/// </summary>
internal sealed class WorkMeter
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpuAtStart = Environment.CpuUsage.TotalTime;
    private readonly ConcurrentDictionary<(string Table, long Version), (long Bytes, long Files)> _reads = new();

    public WorkMeter(DateTimeOffset startedAt) => StartedAt = startedAt;

    public DateTimeOffset StartedAt { get; }

    private DuckDb.DuckDbActivity? _duckDb;

    /// <summary>Takes memory and CPU from what DuckDB's profiler reports to <paramref name="activity"/>.</summary>
    public void Profile(DuckDb.DuckDbActivity activity) => _duckDb = activity;

    /// <summary>Memory DuckDB's buffer manager allocated for the work; null when nothing profiled reported.</summary>
    public long? MemoryAllocatedBytes => _duckDb?.MemoryAllocatedBytes;

    /// <summary>CPU time DuckDB counted for the work's queries; null when nothing profiled reported.</summary>
    public TimeSpan? DuckDbCpu => _duckDb?.Cpu;

    /// <summary>Notes that the work read <paramref name="table"/> at <paramref name="version"/>; a version read twice counts once.</summary>
    public void Read(string table, long version, long bytes, long files) => _reads.TryAdd((table, version), (bytes, files));

    /// <summary>Wall and CPU time since the start.</summary>
    public (TimeSpan Wall, TimeSpan Cpu) Elapsed()
    {
        var cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;
        return (Stopwatch.GetElapsedTime(_started), cpu < TimeSpan.Zero ? TimeSpan.Zero : cpu);
    }

    /// <summary>Bytes and files read per table (versions of one table added up), ordered by table name.</summary>
    public IReadOnlyList<TableScan> Scans() =>
        _reads.GroupBy(r => r.Key.Table, StringComparer.Ordinal)
            .Select(g => new TableScan(g.Key, g.Sum(r => r.Value.Bytes), g.Sum(r => r.Value.Files)))
            .OrderBy(s => s.Table, StringComparer.Ordinal)
            .ToList();
}
