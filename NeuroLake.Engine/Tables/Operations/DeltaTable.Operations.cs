using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Tables;

public sealed partial class DeltaTable
{
    /// <summary>
    /// Deletes the rows matching <paramref name="predicate"/> (a DuckDB SQL condition over the table's columns; rows
    /// where it is NULL stay), or every row when null. Only files that hold matching rows are rewritten.
    /// </summary>
    public Task<OperationResult> DeleteAsync(string? predicate = null, CancellationToken ct = default) =>
        new RowRewrite(this).DeleteAsync(predicate, ct);

    /// <summary>
    /// Sets columns to SQL expressions (evaluated over each row's old values) on the rows matching
    /// <paramref name="predicate"/>, or on every row when null.
    /// </summary>
    public Task<OperationResult> UpdateAsync(IReadOnlyDictionary<string, string> set, string? predicate = null, CancellationToken ct = default) =>
        new RowRewrite(this).UpdateAsync(set, predicate, ct);

    /// <summary>RESTORE TABLE TO VERSION AS OF <paramref name="version"/>: one new commit whose live files equal that version's.</summary>
    public Task<OperationResult> RestoreAsync(long version, CancellationToken ct = default) =>
        new RestoreCommand(this).RunAsync(version, null, ct);

    /// <summary>RESTORE TABLE TO TIMESTAMP AS OF <paramref name="timestamp"/>: the latest version committed at or before it.</summary>
    public Task<OperationResult> RestoreAsync(DateTimeOffset timestamp, CancellationToken ct = default) =>
        new RestoreCommand(this).RunAsync(null, timestamp, ct);

    /// <summary>
    /// VACUUM: deletes data files no version inside the retention window needs, and orphan files older than it.
    /// Versions committed inside the window stay readable.
    /// </summary>
    public Task<VacuumResult> VacuumAsync(VacuumOptions? options = null, CancellationToken ct = default) =>
        new VacuumCommand(this).RunAsync(options ?? new VacuumOptions(), ct);

    /// <summary>
    /// OPTIMIZE [WHERE partition predicate] [ZORDER BY (columns)]: compacts small files per partition, or clusters
    /// rows by a Z-order key so min/max statistics skip files for each Z-order column. Changes no rows.
    /// </summary>
    public Task<OperationResult> OptimizeAsync(OptimizeOptions? options = null, CancellationToken ct = default) =>
        new OptimizeCommand(this).RunAsync(options ?? new OptimizeOptions(), ct);

    /// <summary>
    /// MERGE INTO this table USING a source query ON a condition, with WHEN MATCHED / NOT MATCHED / NOT MATCHED BY
    /// SOURCE clauses. Only files holding rows that are updated or deleted are rewritten; several source rows
    /// changing one table row is an error.
    /// </summary>
    public Task<OperationResult> MergeAsync(Operations.Merge.MergeSpec spec, CancellationToken ct = default) =>
        new Operations.Merge.MergeCommand(this).RunAsync(spec, ct);
}
