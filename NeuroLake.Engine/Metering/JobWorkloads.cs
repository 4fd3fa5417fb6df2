using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Metering;

/// <summary>The workload class each job kind's runs (and the statements they run) are metered under.</summary>
internal static class JobWorkloads
{
    public static WorkloadClass Of(JobKind kind) => kind switch
    {
        JobKind.Pipeline => WorkloadClass.Ingestion,
        JobKind.Backup or JobKind.VerifyBackups => WorkloadClass.Backup,
        JobKind.Tiering => WorkloadClass.Tiering,
        _ => WorkloadClass.Maintenance,
    };
}
