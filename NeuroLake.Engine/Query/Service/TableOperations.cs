using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Query.Service;

/// <summary>DELETE, UPDATE, MERGE, OPTIMIZE, VACUUM and RESTORE through the table operations, each answering with its metrics.</summary>
internal sealed partial class TableOperations(ManagedTables tables, TableResolver resolver)
{
    public async Task<StatementOutcome> DeleteAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        if (JoinedRowChanges.HasSource(analysis))
        {
            return await DeleteUsingAsync(analysis, request, ct);
        }

        var clauses = RowChangeClauses.OfDelete(analysis);
        EnsureReadsNoTables(analysis, "DELETE");
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = await table.DeleteAsync(clauses.Predicate, ct);
        var written = await RegisterAsync(name, table, result, request, ct);
        return MetricsRow.Of(result, written, ("num_affected_rows", "numDeletedRows")) with { RowsAffected = result.Metric("numDeletedRows") };
    }

    public async Task<StatementOutcome> UpdateAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        if (JoinedRowChanges.HasSource(analysis))
        {
            return await UpdateFromAsync(analysis, request, ct);
        }

        var clauses = RowChangeClauses.OfUpdate(analysis);
        EnsureReadsNoTables(analysis, "UPDATE");
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = await table.UpdateAsync(clauses.Set, clauses.Predicate, ct);
        var written = await RegisterAsync(name, table, result, request, ct);
        return MetricsRow.Of(result, written, ("num_affected_rows", "numUpdatedRows")) with { RowsAffected = result.Metric("numUpdatedRows") };
    }

    public async Task<StatementOutcome> OptimizeAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var options = MaintenanceClauses.Optimize(analysis);
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = await table.OptimizeAsync(options, ct);
        return MetricsRow.All(result, await RegisterAsync(name, table, result, request, ct));
    }

    /// <summary>Answers with the files deleted, or that would be in a dry run, and their sizes.</summary>
    public async Task<StatementOutcome> VacuumAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var options = MaintenanceClauses.Vacuum(analysis) with { AllowShortRetention = request.AllowShortVacuumRetention };
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = await table.VacuumAsync(options, ct);
        TableVersion? written = null;
        if (!result.DryRun)
        {
            var snapshot = await table.GetSnapshotAsync(null, ct);
            await tables.RegisterAsync(name, snapshot, request.User, ct);
            written = new TableVersion(name.Schema, name.Table, snapshot.Version);
        }

        return new StatementOutcome(
            [new ResultColumn("path", "VARCHAR"), new ResultColumn("size_in_bytes", "BIGINT")],
            result.Files.Select(f => new object?[] { f.Key, f.Size }).ToList(),
            TableWritten: written);
    }

    public async Task<StatementOutcome> RestoreAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var (name, table) = await OpenTargetAsync(analysis, request, ct);
        var result = tables.Evaluate(analysis.Classification.RestoreTo) switch
        {
            { Kind: TimeTravelKind.Version, Version: { } version } => await table.RestoreAsync(version, ct),
            { Timestamp: { } timestamp } => await table.RestoreAsync(timestamp, ct),
            var travel => throw new QueryRefusedException($"RESTORE needs VERSION AS OF n or TIMESTAMP AS OF '...', not '{travel}'."),
        };
        return MetricsRow.Of(
            result, await RegisterAsync(name, table, result, request, ct),
            ("table_size_after_restore", "tableSizeAfterRestore"), ("num_of_files_after_restore", "numOfFilesAfterRestore"),
            ("num_removed_files", "numRemovedFiles"), ("num_restored_files", "numRestoredFiles"),
            ("removed_files_size", "removedFilesSize"), ("restored_files_size", "restoredFilesSize"));
    }

    private async Task<(SchemaTableName Name, DeltaTable Table)> OpenTargetAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        return (name, await resolver.OpenAsync(name, request.User, ct));
    }

    /// <summary>Keeps the catalog's version, size and file count in step; an operation with nothing to change committed nothing.</summary>
    private async Task<TableVersion?> RegisterAsync(SchemaTableName name, DeltaTable table, OperationResult result, QueryRequest request, CancellationToken ct)
    {
        if (!result.Committed)
        {
            return null;
        }

        // The commit is durable: the catalog must hear of it even when the caller cancels now.
        await tables.RegisterAsync(name, await table.GetSnapshotAsync(null, CancellationToken.None), request.User, CancellationToken.None);
        return new TableVersion(name.Schema, name.Table, result.Version);
    }

    /// <summary>Conditions go to the table layer as plain SQL over its columns, where catalog tables are not resolved.</summary>
    private static void EnsureReadsNoTables(StatementAnalysis analysis, string statement)
    {
        if (analysis.Reads.Count > 0)
        {
            var read = analysis.Reads[0];
            throw new QueryRefusedException(
                $"{statement} conditions cannot read other tables yet ('{read.Name}' at {read.Name.Span}): use only the target table's columns and constants.");
        }
    }
}
