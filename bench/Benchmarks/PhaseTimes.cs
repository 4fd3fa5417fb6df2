using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>Time spent in each ingestion phase, from the progress reports, to see where a load's time goes.</summary>
internal sealed class PhaseTimes
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, double Ms)> _times = [];
    private IngestionPhase? _current;
    private double _since;

    /// <summary>Ends a step that reports no progress (e.g. detection before the load).</summary>
    public void Mark(string step)
    {
        var now = _clock.Elapsed.TotalMilliseconds;
        _times.Add((step, now - _since));
        _since = now;
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
                _since = _clock.Elapsed.TotalMilliseconds;
            }

            _current = phase;
        }
    }

    public override string ToString() =>
        string.Join(", ", _times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Phase} {t.Ms:F0} ms")));
}
