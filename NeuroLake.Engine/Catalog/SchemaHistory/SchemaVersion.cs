namespace NeuroLake.Engine.Catalog.SchemaHistory;

/// <summary>One recorded version of a table's schema and its classified diff from the previous one.</summary>
public sealed record SchemaVersion(
    int Version,
    long TableVersion,
    DateTimeOffset RecordedAt,
    IReadOnlyList<ColumnDescriptor> Columns,
    IReadOnlyList<SchemaChange> Changes,
    ChangeSeverity Severity);
