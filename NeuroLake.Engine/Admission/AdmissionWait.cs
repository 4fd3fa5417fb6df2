using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Admission;

/// <summary>Work waiting for a slot: what a page shows as "queued, position N" while it waits.</summary>
public sealed class AdmissionWait
{
    private readonly WorkloadAdmission _admission;

    internal AdmissionWait(WorkloadAdmission admission, WorkloadClass workload)
    {
        _admission = admission;
        Workload = workload;
    }

    public WorkloadClass Workload { get; }

    /// <summary>1 when this is the next to run among the work competing for its slots; null once it runs or was cancelled.</summary>
    public int? Position => _admission.PositionOf(this);

    // Continuations run off the releasing thread, which holds the admission's lock.
    internal TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
