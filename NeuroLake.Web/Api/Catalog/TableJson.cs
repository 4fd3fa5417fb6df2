using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Api.UnityCatalog;

namespace NeuroLake.Web.Api.Catalog;

/// <summary>
/// A table with its columns as the catalog records it. <paramref name="Location"/> is a URI as the Unity Catalog endpoint
/// gives it (<c>s3://…</c> or <c>file:///…</c>), what an external engine opens.
/// </summary>
public sealed record TableJson(
    string FullName, string Catalog, string Schema, string Name, string Owner, string Description, IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Properties, string Location, IReadOnlyList<string> PartitionColumns, long CurrentVersion,
    long SizeBytes, long FileCount, int MinReaderVersion, int MinWriterVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ColumnJson> Columns)
{
    public static TableJson From(TableInfo t) => new(
        t.Path.ToString(), t.Path.Catalog, t.Path.Schema!, t.Path.Table!, t.Owner, t.Description, t.Tags, t.Properties,
        UnityCatalogDescriptions.StorageUri(t.Location), t.PartitionColumns, t.CurrentVersion, t.SizeBytes, t.FileCount,
        t.MinReaderVersion, t.MinWriterVersion, t.CreatedAt, t.UpdatedAt, t.Columns.Select(ColumnJson.From).ToList());
}

/// <summary>A column: its type as the catalog keeps it (Spark's type text), nullability, comment, tags and PII classification.</summary>
public sealed record ColumnJson(
    string Name, int Position, string Type, bool Nullable, string Comment, IReadOnlyList<string> Tags, string? SemanticType, PiiJson? Pii)
{
    public static ColumnJson From(ColumnInfo c) => new(
        c.Name, c.Ordinal, c.Type, c.Nullable, c.Description, c.Tags, c.SemanticType,
        c.Pii is { } pii ? new PiiJson(pii.Type, pii.Confidence, pii.Source.ToString()) : null);
}

/// <summary>A column's personal data classification: type (e.g. <c>email</c>), confidence in [0, 1], and who said so (Detected, Confirmed, Manual).</summary>
public sealed record PiiJson(string Type, double Confidence, string Source);
