using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Admission;

/// <summary>The resolved limits: per class, and <paramref name="Heavy"/> for every class but interactive queries together.</summary>
public sealed record AdmissionLimits(bool Enabled, int Heavy, IReadOnlyDictionary<WorkloadClass, int> PerClass)
{
    public static bool IsHeavy(WorkloadClass workload) => workload != WorkloadClass.InteractiveQuery;
}
