using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Operations.Merge;

namespace NeuroLake.Engine.Query.Service;

/// <summary>MERGE, DELETE ... USING and UPDATE ... FROM: statements that join the target with a source, run as one MERGE commit.</summary>
internal sealed partial class TableOperations
{
    public async Task<StatementOutcome> MergeAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var (result, written, read) = await RunMergeAsync(analysis, request, MergeClauses.Parse, ct);
        long updated = result.Metric("numTargetRowsUpdated"), deleted = result.Metric("numTargetRowsDeleted"), inserted = result.Metric("numTargetRowsInserted");
        return new StatementOutcome(
            [new ResultColumn("num_affected_rows", "BIGINT"), new ResultColumn("num_updated_rows", "BIGINT"),
                new ResultColumn("num_deleted_rows", "BIGINT"), new ResultColumn("num_inserted_rows", "BIGINT")],
            [[updated + deleted + inserted, updated, deleted, inserted]],
            RowsAffected: updated + deleted + inserted, TablesRead: read, TableWritten: written);
    }

    private async Task<StatementOutcome> DeleteUsingAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var (result, written, read) = await RunMergeAsync(analysis, request, JoinedRowChanges.Delete, ct);
        return MetricsRow.Of(result, written, ("num_affected_rows", "numTargetRowsDeleted")) with
        {
            RowsAffected = result.Metric("numTargetRowsDeleted"),
            TablesRead = read,
        };
    }

    private async Task<StatementOutcome> UpdateFromAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var (result, written, read) = await RunMergeAsync(analysis, request, JoinedRowChanges.Update, ct);
        return MetricsRow.Of(result, written, ("num_affected_rows", "numTargetRowsUpdated")) with
        {
            RowsAffected = result.Metric("numTargetRowsUpdated"),
            TablesRead = read,
        };
    }

    private async Task<(OperationResult Result, TableVersion? Written, IReadOnlyList<TableVersion> Read)> RunMergeAsync(
        StatementAnalysis analysis, QueryRequest request, Func<StatementAnalysis, ResolvedReads, MergeSpec> parse, CancellationToken ct)
    {
        var reads = await resolver.ResolveAsync(analysis, request, ct);
        var spec = parse(analysis, reads);
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = await table.MergeAsync(spec, ct);
        return (result, await RegisterAsync(name, table, result, request, ct), reads.Versions);
    }
}
