namespace NeuroLake.Engine.Catalog.SchemaHistory;

/// <summary>What changed about one column between two schema versions.</summary>
public enum SchemaChangeKind
{
    Added,
    Removed,
    TypeChanged,
    NullabilityChanged,
    MetadataChanged,
}

/// <summary>How a change affects the table's readers and writers; ordered from harmless to harmful.</summary>
public enum ChangeSeverity
{
    Safe = 0,
    Risky = 1,
    Breaking = 2,
}

/// <summary>One classified change, with the reason for its severity in words a table owner can act on.</summary>
public sealed record SchemaChange(
    SchemaChangeKind Kind,
    string Column,
    string? Before,
    string? After,
    ChangeSeverity Severity,
    string Reason);
