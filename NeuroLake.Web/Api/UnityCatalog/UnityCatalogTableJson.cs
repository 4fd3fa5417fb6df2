using System.Text.Json.Serialization;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>
/// A table as the Unity Catalog spec's TableInfo writes it: always a Delta table (<c>data_source_format</c> DELTA),
/// MANAGED when it lives where the warehouse puts managed tables, EXTERNAL otherwise, with a storage URI an engine opens.
/// </summary>
public sealed record UnityCatalogTableJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("catalog_name")] string CatalogName,
    [property: JsonPropertyName("schema_name")] string SchemaName,
    [property: JsonPropertyName("table_type")] string TableType,
    [property: JsonPropertyName("data_source_format")] string DataSourceFormat,
    [property: JsonPropertyName("columns")] IReadOnlyList<UnityCatalogColumnJson> Columns,
    [property: JsonPropertyName("storage_location")] string StorageLocation,
    [property: JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("owner"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Owner,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("updated_at")] long UpdatedAt,
    [property: JsonPropertyName("table_id")] string TableId);

/// <summary>A column as the spec's ColumnInfo writes it; precision and scale only for decimals, partition index only for partition columns.</summary>
public sealed record UnityCatalogColumnJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type_text")] string TypeText,
    [property: JsonPropertyName("type_json")] string TypeJson,
    [property: JsonPropertyName("type_name")] string TypeName,
    [property: JsonPropertyName("type_precision"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TypePrecision,
    [property: JsonPropertyName("type_scale"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TypeScale,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment,
    [property: JsonPropertyName("nullable")] bool Nullable,
    [property: JsonPropertyName("partition_index"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PartitionIndex);

/// <summary>The spec's ListTablesResponse.</summary>
public sealed record UnityCatalogTableListJson(
    [property: JsonPropertyName("tables")] IReadOnlyList<UnityCatalogTableJson> Tables,
    [property: JsonPropertyName("next_page_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);
