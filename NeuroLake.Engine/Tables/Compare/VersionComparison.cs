using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Compare;

/// <summary>
/// Two versions of one table side by side: both schemas (classify their difference with the catalog's
/// <c>SchemaComparer</c>), both row counts, and the rows that differ when the versions were small enough to diff.
/// </summary>
/// <param name="Rows">The row difference, or null when it was not computed (<paramref name="RowDiffSkippedReason"/> says why).</param>
public sealed record VersionComparison(
    long FromVersion,
    long ToVersion,
    StructType FromSchema,
    StructType ToSchema,
    long FromRowCount,
    long ToRowCount,
    RowDifference? Rows,
    string? RowDiffSkippedReason);

/// <summary>
/// Rows of the newer version not in the older (added) and of the older not in the newer (removed), compared as
/// multisets over <paramref name="Columns"/> (the columns both versions have); an updated row counts as one removed and one added.
/// </summary>
/// <param name="Added">Up to the sample size of the added rows, values in <paramref name="Columns"/> order.</param>
/// <param name="Removed">Up to the sample size of the removed rows.</param>
public sealed record RowDifference(
    IReadOnlyList<string> Columns,
    long AddedCount,
    long RemovedCount,
    IReadOnlyList<object?[]> Added,
    IReadOnlyList<object?[]> Removed);
