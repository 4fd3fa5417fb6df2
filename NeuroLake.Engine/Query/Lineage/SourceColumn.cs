namespace NeuroLake.Engine.Query.Lineage;

/// <summary>A column of a catalog table that a value was computed from.</summary>
internal readonly record struct SourceColumn(string Schema, string Table, string Column)
{
    public override string ToString() => $"{Schema}.{Table}.{Column}";
}

/// <summary>An output column of a query or relation and the catalog columns its values flow from.</summary>
internal sealed record DerivedColumn(string Name, IReadOnlySet<SourceColumn> Sources);

/// <summary>A column of the written table and the catalog columns that feed it.</summary>
internal sealed record TargetColumnLineage(string Column, IReadOnlySet<SourceColumn> Sources);

/// <summary>
/// What a write statement's values flow from, column by column. <see cref="Unresolved"/> lists what the extractor
/// could not follow (an unknown name, an unsupported construct), so the lineage it gives is known to be partial.
/// </summary>
internal sealed record StatementLineage(IReadOnlyList<TargetColumnLineage> Columns, IReadOnlyList<string> Unresolved);
