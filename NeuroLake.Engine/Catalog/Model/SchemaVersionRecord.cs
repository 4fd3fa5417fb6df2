namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One version of a table's schema and how it differs from the previous one.</summary>
internal sealed class SchemaVersionRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TableId { get; set; }

    /// <summary>1 for the schema the table was registered with, then +1 per change.</summary>
    public int Version { get; set; }

    /// <summary>The Delta log version that introduced this schema.</summary>
    public long TableVersion { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>JSON array of the fields (name, type, nullable, metadata).</summary>
    public string FieldsJson { get; set; } = "[]";

    /// <summary>JSON array of the classified changes against the previous version.</summary>
    public string ChangesJson { get; set; } = "[]";

    /// <summary>The worst change's severity (0 safe, 1 risky, 2 breaking).</summary>
    public int Severity { get; set; }
}
