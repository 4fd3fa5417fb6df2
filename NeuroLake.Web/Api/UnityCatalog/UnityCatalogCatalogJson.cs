using System.Text.Json.Serialization;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>A catalog as the Unity Catalog spec's CatalogInfo writes it; absent values are left out, as the spec allows.</summary>
public sealed record UnityCatalogCatalogJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties,
    [property: JsonPropertyName("owner"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Owner,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("updated_at")] long UpdatedAt,
    [property: JsonPropertyName("id")] string Id);

/// <summary>The spec's ListCatalogsResponse: one page, and the token of the next one when there is more.</summary>
public sealed record UnityCatalogCatalogListJson(
    [property: JsonPropertyName("catalogs")] IReadOnlyList<UnityCatalogCatalogJson> Catalogs,
    [property: JsonPropertyName("next_page_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);
