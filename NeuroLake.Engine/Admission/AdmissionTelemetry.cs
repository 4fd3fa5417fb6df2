using System.Diagnostics.Metrics;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Telemetry;

namespace NeuroLake.Engine.Admission;

/// <summary>
/// Feeds the admission series of <see cref="EngineTelemetry"/>: queue lengths summed over every live admission of the
/// process (tests create many; the app has one), held weakly so a forgotten one is not kept alive by its gauge.
/// </summary>
internal static class AdmissionTelemetry
{
    private static readonly Lock Gate = new();
    private static readonly List<WeakReference<WorkloadAdmission>> Live = [];

    public static void Track(WorkloadAdmission admission)
    {
        lock (Gate)
        {
            Live.RemoveAll(w => !w.TryGetTarget(out _));
            Live.Add(new WeakReference<WorkloadAdmission>(admission));
        }
    }

    public static void Waited(WorkloadClass workload, TimeSpan waited) => EngineTelemetry.AdmissionWaited(workload.ToString(), waited);

    public static IEnumerable<Measurement<int>> QueueLengths()
    {
        var totals = Enum.GetValues<WorkloadClass>().ToDictionary(c => c, _ => 0);
        lock (Gate)
        {
            foreach (var weak in Live)
            {
                if (weak.TryGetTarget(out var admission))
                {
                    foreach (var (workload, count) in admission.Queued())
                    {
                        totals[workload] += count;
                    }
                }
            }
        }

        return totals.Select(t => new Measurement<int>(t.Value, new KeyValuePair<string, object?>("workload", t.Key.ToString()))).ToList();
    }
}
