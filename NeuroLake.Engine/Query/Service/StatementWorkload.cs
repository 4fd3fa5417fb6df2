using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The workload class a statement is admitted under: the job's when a job runs it; otherwise reads and small DDL are
/// interactive, writes of rows are ingestion, and OPTIMIZE, VACUUM and RESTORE maintenance.
/// </summary>
internal static class StatementWorkload
{
    public static WorkloadClass Of(StatementKind kind) => MeteredJob.Current?.Workload ?? kind switch
    {
        StatementKind.Insert or StatementKind.InsertOverwrite or StatementKind.CreateTableAsSelect
            or StatementKind.Merge or StatementKind.Update or StatementKind.Delete => WorkloadClass.Ingestion,
        StatementKind.Optimize or StatementKind.Vacuum or StatementKind.RestoreTable => WorkloadClass.Maintenance,
        _ => WorkloadClass.InteractiveQuery,
    };
}
