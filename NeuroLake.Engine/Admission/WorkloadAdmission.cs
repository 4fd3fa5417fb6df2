using System.Diagnostics;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Admission;

/// <summary>
/// Admission control: work of each class runs when its class has a free slot and, for heavy classes, the heavy pool
/// too; otherwise it queues. Interactive queries only ever wait for each other, so heavy work never takes their
/// reserve. Waiters are served first come, first served among those competing for the same slots; a cancelled
/// waiter leaves the queue at once. One instance serves the whole process (queries, loads, jobs).
/// </summary>
public sealed class WorkloadAdmission
{
    private readonly Lock _gate = new();
    private readonly Dictionary<WorkloadClass, int> _running = [];
    private readonly List<AdmissionWait> _waiting = [];
    private int _heavyRunning;

    public WorkloadAdmission(AdmissionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        AdmissionTelemetry.Track(this);
    }

    /// <summary>Admission with the options' limits for this machine's cores.</summary>
    public WorkloadAdmission(AdmissionOptions options)
        : this(options.Resolve(Environment.ProcessorCount))
    {
    }

    public AdmissionLimits Limits { get; }

    /// <summary>
    /// Waits until <paramref name="workload"/> may run and returns the slot, freed when the ticket is disposed.
    /// <paramref name="queued"/> is told once, when the work has to wait, with a handle whose position stays current.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled while waiting; the place in the queue is gone.</exception>
    public async ValueTask<AdmissionTicket> AdmitAsync(WorkloadClass workload, Action<AdmissionWait>? queued = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (!Limits.Enabled)
        {
            return AdmissionTicket.Unlimited;
        }

        AdmissionWait wait;
        lock (_gate)
        {
            if (!_waiting.Any(w => Blocks(w.Workload, workload)) && CanRun(workload))
            {
                Take(workload);
                return new AdmissionTicket(this, workload);
            }

            wait = new AdmissionWait(this, workload);
            _waiting.Add(wait);
        }

        var started = Stopwatch.GetTimestamp();
        queued?.Invoke(wait);
        await using (ct.Register(() => Abandon(wait, ct)))
        {
            await wait.Granted.Task.ConfigureAwait(false);
        }

        AdmissionTelemetry.Waited(workload, Stopwatch.GetElapsedTime(started));
        return new AdmissionTicket(this, workload);
    }

    /// <summary>Work of each class running now.</summary>
    public IReadOnlyDictionary<WorkloadClass, int> Running()
    {
        lock (_gate)
        {
            return new Dictionary<WorkloadClass, int>(_running);
        }
    }

    /// <summary>Work of each class waiting now.</summary>
    public IReadOnlyDictionary<WorkloadClass, int> Queued()
    {
        lock (_gate)
        {
            return _waiting.GroupBy(w => w.Workload).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    /// <summary>1 for the next to run among the work waiting for the same slots; null once admitted or gone.</summary>
    internal int? PositionOf(AdmissionWait wait)
    {
        lock (_gate)
        {
            var index = _waiting.IndexOf(wait);
            return index < 0 ? null : 1 + _waiting.Take(index).Count(w => Blocks(w.Workload, wait.Workload));
        }
    }

    internal void Release(WorkloadClass workload)
    {
        lock (_gate)
        {
            _running[workload]--;
            if (AdmissionLimits.IsHeavy(workload))
            {
                _heavyRunning--;
            }

            Pump();
        }
    }

    // Grants slots in arrival order: the earliest waiter that can run goes first, and a waiter never overtakes an
    // earlier one waiting for a slot it would take (so a stream of one class cannot starve another of the heavy pool).
    private void Pump()
    {
        for (var i = 0; i < _waiting.Count; i++)
        {
            var wait = _waiting[i];
            if (!CanRun(wait.Workload) || _waiting.Take(i).Any(w => Blocks(w.Workload, wait.Workload)))
            {
                continue;
            }

            Take(wait.Workload);
            _waiting.RemoveAt(i);
            i--;
            wait.Granted.TrySetResult();
        }
    }

    private void Abandon(AdmissionWait wait, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_waiting.Remove(wait))
            {
                return;
            }

            // Its place may have held back later waiters of other classes.
            Pump();
        }

        wait.Granted.TrySetCanceled(ct);
    }

    private bool CanRun(WorkloadClass workload) =>
        _running.GetValueOrDefault(workload) < Limits.PerClass[workload] && (!AdmissionLimits.IsHeavy(workload) || _heavyRunning < Limits.Heavy);

    private void Take(WorkloadClass workload)
    {
        _running[workload] = _running.GetValueOrDefault(workload) + 1;
        if (AdmissionLimits.IsHeavy(workload))
        {
            _heavyRunning++;
        }
    }

    // An earlier waiter holds back a later one of its own class, and one of another heavy class unless it waits only
    // because its own class is full while the heavy pool has room (then the later one takes nothing it needs).
    private bool Blocks(WorkloadClass earlier, WorkloadClass later) =>
        earlier == later
        || (AdmissionLimits.IsHeavy(earlier) && AdmissionLimits.IsHeavy(later)
            && !(_running.GetValueOrDefault(earlier) >= Limits.PerClass[earlier] && _heavyRunning < Limits.Heavy));
}
