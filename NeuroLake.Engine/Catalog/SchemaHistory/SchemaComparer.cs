namespace NeuroLake.Engine.Catalog.SchemaHistory;

/// <summary>Diffs two schemas and classifies each change (see docs: safe, risky, breaking).</summary>
public static class SchemaComparer
{
    /// <summary>The changes that turn <paramref name="before"/> into <paramref name="after"/>; column names compare case-insensitively.</summary>
    public static IReadOnlyList<SchemaChange> Compare(IReadOnlyList<ColumnDescriptor> before, IReadOnlyList<ColumnDescriptor> after)
    {
        var changes = new List<SchemaChange>();
        var old = before.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var current = after.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var column in before.Where(c => !current.ContainsKey(c.Name)))
        {
            changes.Add(new(SchemaChangeKind.Removed, column.Name, column.Type, null, ChangeSeverity.Breaking,
                "dropped column: queries and consumers that read it fail"));
        }

        foreach (var column in after)
        {
            if (!old.TryGetValue(column.Name, out var previous))
            {
                changes.Add(column.Nullable
                    ? new(SchemaChangeKind.Added, column.Name, null, column.Type, ChangeSeverity.Safe,
                        "added nullable column: existing rows read as null, existing queries are unaffected")
                    : new(SchemaChangeKind.Added, column.Name, null, column.Type, ChangeSeverity.Breaking,
                        "added required column: existing rows have no value and every writer must now supply one"));
                continue;
            }

            Compare(previous, column, changes);
        }

        return changes;
    }

    /// <summary>The classified changes between two Delta schemas (e.g. two versions of a table), as the catalog maps them to columns.</summary>
    public static IReadOnlyList<SchemaChange> Compare(Tables.Types.StructType before, Tables.Types.StructType after) =>
        Compare(Integration.DeltaColumns.From(before), Integration.DeltaColumns.From(after));

    /// <summary>The worst severity among <paramref name="changes"/>; safe when there are none.</summary>
    public static ChangeSeverity Worst(IEnumerable<SchemaChange> changes) =>
        changes.Select(c => c.Severity).DefaultIfEmpty(ChangeSeverity.Safe).Max();

    private static void Compare(ColumnDescriptor previous, ColumnDescriptor column, List<SchemaChange> changes)
    {
        var from = DeltaTypeWidening.Normalize(previous.Type);
        var to = DeltaTypeWidening.Normalize(column.Type);
        if (from != to)
        {
            changes.Add(DeltaTypeWidening.IsWidening(from, to)
                ? new(SchemaChangeKind.TypeChanged, column.Name, previous.Type, column.Type, ChangeSeverity.Risky,
                    $"widened type {from} → {to}: safe for readers, risky for strict consumers that expect {from}")
                : new(SchemaChangeKind.TypeChanged, column.Name, previous.Type, column.Type, ChangeSeverity.Breaking,
                    $"narrowed or incompatible type {from} → {to}: existing values may not fit and readers expecting {from} fail"));
        }

        if (previous.Nullable != column.Nullable)
        {
            changes.Add(column.Nullable
                ? new(SchemaChangeKind.NullabilityChanged, column.Name, "not null", "nullable", ChangeSeverity.Risky,
                    "required → nullable: writers are unaffected, consumers that assume no nulls may break")
                : new(SchemaChangeKind.NullabilityChanged, column.Name, "nullable", "not null", ChangeSeverity.Breaking,
                    "nullable → required: existing nulls violate it and writers that send nulls fail"));
        }

        if (!previous.SortedMetadata.SequenceEqual(column.SortedMetadata))
        {
            changes.Add(new(SchemaChangeKind.MetadataChanged, column.Name,
                Model.JsonColumn.Write(previous.SortedMetadata), Model.JsonColumn.Write(column.SortedMetadata), ChangeSeverity.Safe,
                "metadata only: data and types are unchanged"));
        }
    }
}
