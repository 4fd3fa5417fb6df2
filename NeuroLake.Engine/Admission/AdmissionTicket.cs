using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Admission;

/// <summary>A slot held by running work; disposing it (once) lets the next waiter run.</summary>
public sealed class AdmissionTicket : IDisposable
{
    private WorkloadAdmission? _admission;
    private readonly WorkloadClass _workload;

    internal AdmissionTicket(WorkloadAdmission? admission, WorkloadClass workload)
    {
        _admission = admission;
        _workload = workload;
    }

    /// <summary>The ticket of work admitted without limits (admission control off).</summary>
    internal static AdmissionTicket Unlimited { get; } = new(null, WorkloadClass.InteractiveQuery);

    public void Dispose() => Interlocked.Exchange(ref _admission, null)?.Release(_workload);
}
