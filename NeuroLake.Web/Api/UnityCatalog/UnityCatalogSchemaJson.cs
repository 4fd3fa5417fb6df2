using System.Text.Json.Serialization;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>A schema as the Unity Catalog spec's SchemaInfo writes it.</summary>
public sealed record UnityCatalogSchemaJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("catalog_name")] string CatalogName,
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("owner"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Owner,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("updated_at")] long UpdatedAt,
    [property: JsonPropertyName("schema_id")] string SchemaId);

/// <summary>The spec's ListSchemasResponse.</summary>
public sealed record UnityCatalogSchemaListJson(
    [property: JsonPropertyName("schemas")] IReadOnlyList<UnityCatalogSchemaJson> Schemas,
    [property: JsonPropertyName("next_page_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);
