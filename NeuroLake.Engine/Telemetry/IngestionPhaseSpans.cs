using System.Diagnostics;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Engine.Telemetry;

/// <summary>
/// Turns an ingestion's phase changes into child spans of its <c>ingestion</c> span (<c>ingestion.detect</c>,
/// <c>ingestion.profile</c>, <c>ingestion.write</c>, <c>ingestion.commit</c>). Phases begin on whichever thread
/// reports them, so the boundaries are only noted as they happen and the spans are emitted afterwards, with their
/// real start and end times, on the ingesting flow; starting spans inside the progress callback would change
/// <see cref="Activity.Current"/> on those threads.
/// </summary>
public sealed class IngestionPhaseSpans : IDisposable
{
    private readonly IngestionProgress _progress;
    private readonly Activity? _parent;
    private readonly List<(IngestionPhase Phase, DateTime At)> _boundaries = [];
    private readonly Lock _gate = new();

    public IngestionPhaseSpans(IngestionProgress progress, Activity? parent)
    {
        _progress = progress;
        _parent = parent;
        if (parent is not null)
        {
            progress.Changed += OnChanged;
        }
    }

    /// <summary>Emits one span per phase seen, each ending where the next began (the last at now), then stops listening.</summary>
    public void Dispose()
    {
        _progress.Changed -= OnChanged;
        if (_parent is null)
        {
            return;
        }
        List<(IngestionPhase Phase, DateTime At)> boundaries;
        lock (_gate)
        {
            boundaries = [.. _boundaries, (IngestionPhase.Done, DateTime.UtcNow)];
        }
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            if (boundaries[i].Phase is IngestionPhase.Done or IngestionPhase.Upload)
            {
                continue;
            }
            using var span = EngineTelemetry.Source.StartActivity(
                "ingestion." + boundaries[i].Phase.ToString().ToLowerInvariant(), ActivityKind.Internal, _parent.Context, startTime: boundaries[i].At);
            span?.SetEndTime(boundaries[i + 1].At);
        }
    }

    private void OnChanged(IngestionProgress progress)
    {
        var phase = progress.Phase;
        lock (_gate)
        {
            if (_boundaries.Count == 0 || _boundaries[^1].Phase != phase)
            {
                _boundaries.Add((phase, DateTime.UtcNow));
            }
        }
    }
}
