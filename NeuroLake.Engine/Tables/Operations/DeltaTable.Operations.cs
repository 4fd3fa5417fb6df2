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
}
