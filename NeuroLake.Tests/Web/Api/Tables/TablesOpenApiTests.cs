using System.Net;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>The OpenAPI document carries the shapes the catalog, tables and operations endpoints answer, so a client can be generated from it.</summary>
public sealed class TablesOpenApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Theory]
    [InlineData("/api/v1/tables/{name}", "get", "200", "TableJson")]
    [InlineData("/api/v1/catalog/tables/{name}", "get", "200", "TableJson")]
    [InlineData("/api/v1/tables/{name}/history", "get", "200", "HistoryPageJson")]
    [InlineData("/api/v1/tables/{name}/optimize", "post", "202", "OperationJson")]
    [InlineData("/api/v1/tables/{name}/rows", "post", "200", "RowChangeJson")]
    [InlineData("/api/v1/catalog/catalogs/{catalog}/schemas/{schema}/tables", "get", "200", "TableSummaryPageJson")]
    [InlineData("/api/v1/operations/{id}", "get", "200", "OperationJson")]
    public async Task Responses_name_their_schema(string path, string method, string status, string schema)
    {
        var (code, document) = await lake.Admin.GetApiAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, code);
        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        var reference = response.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema").GetProperty("$ref").GetString();
        Assert.EndsWith("/" + schema, reference);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out JsonElement _));
    }
}
