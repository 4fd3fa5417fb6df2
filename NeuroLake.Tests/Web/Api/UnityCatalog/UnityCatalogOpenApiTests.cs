using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>The API reference lists the Unity Catalog endpoint under its own tag, its shapes with the spec's snake_case names.</summary>
public sealed class UnityCatalogOpenApiTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task The_document_lists_the_read_operations_with_the_specs_property_names()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var getTable = paths.GetProperty(UnityCatalogCalls.Root + "/tables/{full_name}").GetProperty("get");

        var operations = paths.EnumerateObject().Where(p => p.Name.StartsWith(UnityCatalogCalls.Root, StringComparison.Ordinal))
            .Select(p => p.Value.GetProperty("get").GetProperty("operationId").GetString()).Order();
        Assert.Equal(["getCatalog", "getSchema", "getTable", "listCatalogs", "listSchemas", "listTables"], operations);
        Assert.Equal("Unity Catalog", getTable.GetProperty("tags")[0].GetString());
        var table = Resolve(document, getTable.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Contains("storage_location", table.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Contains("data_source_format", table.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
