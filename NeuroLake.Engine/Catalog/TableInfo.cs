using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog;

/// <summary>A registered table as the catalog records it.</summary>
public sealed record TableInfo(
    Guid Id,
    SecurablePath Path,
    string Location,
    string Owner,
    string Description,
    IReadOnlyList<string> Tags,
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string> Properties,
    long CurrentVersion,
    long SizeBytes,
    long FileCount,
    int SchemaVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ColumnInfo> Columns);

/// <summary>A column of a registered table, with what people and profiling said about it.</summary>
public sealed record ColumnInfo(
    string Name,
    int Ordinal,
    string Type,
    bool Nullable,
    string Owner,
    string Description,
    IReadOnlyList<string> Tags,
    string? SemanticType,
    PiiClassification? Pii);

/// <summary>A column holds personal data of <paramref name="Type"/> (e.g. <c>email</c>) with a confidence in [0, 1].</summary>
public sealed record PiiClassification(string Type, double Confidence, PiiSource Source);
