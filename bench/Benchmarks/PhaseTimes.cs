using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// Wall and CPU time of each ingestion phase, from the progress reports, to see where a load's time goes; CPU is the
/// process's (DuckDB's threads included), steadier than wall time when other work shares the cores.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, double Ms, double CpuMs)> _times = [];
    private IngestionPhase? _current;
    private double _since;
    private double _cpuSince = Environment.CpuUsage.TotalTime.TotalMilliseconds;

    /// <summary>Ends a step that reports no progress (e.g. detection before the load).</summary>
    public void Mark(string step)
    {
        var now = _clock.Elapsed.TotalMilliseconds;
        var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        _times.Add((step, now - _since, cpu - _cpuSince));
        (_since, _cpuSince) = (now, cpu);
    }

    public void Enter(IngestionPhase phase)
    {
        lock (_times)
        {
            if (_current == phase)
            {
                return;
            }

            if (_current is { } previous)
            {
                Mark(previous.ToString().ToLowerInvariant());
            }
            else
            {
                (_since, _cpuSince) = (_clock.Elapsed.TotalMilliseconds, Environment.CpuUsage.TotalTime.TotalMilliseconds);
            }

            _current = phase;
        }
    }

    public override string ToString() =>
        string.Join(", ", _times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Phase} {t.Ms:F0} ms (cpu {t.CpuMs:F0})")));
}
