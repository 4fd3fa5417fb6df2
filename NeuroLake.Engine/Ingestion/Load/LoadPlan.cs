namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>A source column whose type differs from the table's and cannot be written into it.</summary>
public sealed record ColumnTypeConflict(string Column, string TableType, string SourceType);

/// <summary>A source column the table does not have.</summary>
public sealed record NewColumn(string Column, string SourceType);

/// <summary>
/// How a load would change the table, worked out before anything is written. <see cref="Refusal"/> says why the
/// load cannot go ahead (null when it can).
/// </summary>
/// <param name="TableExists">Whether the target table exists now.</param>
/// <param name="TableVersion">Its current version; null when it does not exist.</param>
/// <param name="NewColumns">Source columns the table lacks (allowed only with merge-schema).</param>
/// <param name="Conflicts">Columns whose source type cannot be written into the table's type.</param>
/// <param name="MissingColumns">Table columns the source lacks (they get NULL, or go with an overwrite's new schema).</param>
/// <param name="Refusal">Why the load is refused, naming the fix; null when allowed.</param>
public sealed record LoadPlan(
    bool TableExists,
    long? TableVersion,
    IReadOnlyList<NewColumn> NewColumns,
    IReadOnlyList<ColumnTypeConflict> Conflicts,
    IReadOnlyList<string> MissingColumns,
    string? Refusal)
{
    public bool Allowed => Refusal is null;
}
