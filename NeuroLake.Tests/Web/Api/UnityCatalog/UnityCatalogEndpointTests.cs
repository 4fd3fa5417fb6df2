using System.Net;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using static NeuroLake.Tests.Web.Api.UnityCatalog.UnityCatalogCalls;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>
/// External engines find tables made with SQL through the Unity Catalog endpoint: catalogs, schemas and tables with
/// their columns and a storage location that opens as a Delta table; every answer matches the spec's schemas.
/// </summary>
public sealed class UnityCatalogEndpointTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public Task A_table_made_with_sql_is_listed_and_described_with_columns_and_location_on_sqlite() =>
        DescribesTablesAsync(app);

    [PostgresFact]
    public Task A_table_made_with_sql_is_listed_and_described_with_columns_and_location_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_uc", async catalog =>
        {
            await using var postgres = new WorkbenchAppFactory(catalog);
            await DescribesTablesAsync(postgres);
        });

    [Fact]
    public async Task Pages_follow_next_page_token_until_every_table_is_listed()
    {
        using var client = app.CreateClient();
        var schema = Unique("paged");
        await SqlAsync(client, $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.a (id INT); CREATE TABLE {schema}.b (id INT); CREATE TABLE {schema}.c (id INT)");

        var first = await GetValidAsync(client, $"/tables?catalog_name=main&schema_name={schema}&max_results=2", "ListTablesResponse");
        var token = first.GetProperty("next_page_token").GetString()!;
        var second = await GetValidAsync(client, $"/tables?catalog_name=main&schema_name={schema}&max_results=2&page_token={Uri.EscapeDataString(token)}", "ListTablesResponse");

        Assert.Equal(["a", "b"], Names(first, "tables"));
        Assert.Equal(["c"], Names(second, "tables"));
        Assert.False(second.TryGetProperty("next_page_token", out _));
        // Names match ignoring case, as in SQL.
        await GetValidAsync(client, $"/tables/MAIN.{schema.ToUpperInvariant()}.C", "TableInfo");
    }

    [Theory]
    [InlineData("/tables?catalog_name=main&schema_name=anything&page_token=not-ours")]
    [InlineData("/catalogs?page_token=bm90IG91cnM")]
    [InlineData("/schemas?catalog_name=main&max_results=-1")]
    [InlineData("/schemas?catalog_name=main&max_results=many")]
    [InlineData("/schemas")]
    [InlineData("/tables/main.only_two")]
    public async Task A_bad_parameter_is_refused_as_invalid_argument(string path)
    {
        using var client = app.CreateClient();
        await SqlAsync(client, "CREATE SCHEMA IF NOT EXISTS anything");

        Assert.Equal("INVALID_ARGUMENT", await GetErrorAsync(client, path, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/catalogs/nowhere")]
    [InlineData("/schemas/main.nowhere")]
    [InlineData("/schemas?catalog_name=nowhere")]
    [InlineData("/tables?catalog_name=main&schema_name=nowhere")]
    [InlineData("/tables/main.nowhere.nothing")]
    public async Task What_does_not_exist_answers_not_found(string path)
    {
        using var client = app.CreateClient();

        Assert.Equal("NOT_FOUND", await GetErrorAsync(client, path, HttpStatusCode.NotFound));
    }

    private static async Task DescribesTablesAsync(WorkbenchAppFactory app)
    {
        using var client = app.CreateClient();
        var schema = Unique("uc");
        await SqlAsync(client,
            $$"""
            CREATE SCHEMA {{schema}};
            CREATE TABLE {{schema}}.events (id BIGINT, amount DECIMAL(10,2), name VARCHAR, seen_at TIMESTAMP, ok BOOLEAN, day DATE,
              tags VARCHAR[], attrs STRUCT(a INTEGER, b VARCHAR), scores MAP(VARCHAR, DOUBLE)) PARTITIONED BY (day) COMMENT 'Sales events';
            INSERT INTO {{schema}}.events VALUES (1, 9.99, 'x', TIMESTAMP '2026-01-02 03:04:05', true, DATE '2026-01-02', ['a'], {'a': 1, 'b': 'y'}, MAP {'k': 1.5});
            """);

        var catalogs = await GetValidAsync(client, "/catalogs", "ListCatalogsResponse");
        var main = await GetValidAsync(client, "/catalogs/main", "CatalogInfo");
        var schemas = await GetValidAsync(client, "/schemas?catalog_name=main", "ListSchemasResponse");
        var described = await GetValidAsync(client, $"/schemas/main.{schema}", "SchemaInfo");
        var tables = await GetValidAsync(client, $"/tables?catalog_name=main&schema_name={schema}", "ListTablesResponse");
        var table = await GetValidAsync(client, $"/tables/main.{schema}.events", "TableInfo");

        Assert.Contains("main", Names(catalogs, "catalogs"));
        Assert.Equal("main", main.GetProperty("name").GetString());
        Assert.Contains(schema, Names(schemas, "schemas"));
        Assert.Equal($"main.{schema}", described.GetProperty("full_name").GetString());
        Assert.Equal(["events"], Names(tables, "tables"));
        Assert.Equal(table.GetRawText(), tables.GetProperty("tables")[0].GetRawText());
        Assert.Equal(("MANAGED", "DELTA", "Sales events"), (Text(table, "table_type"), Text(table, "data_source_format"), Text(table, "comment")));
        Assert.True(DateTimeOffset.FromUnixTimeMilliseconds(table.GetProperty("created_at").GetInt64()) > DateTimeOffset.UtcNow.AddHours(-1));

        var location = new Uri(Text(table, "storage_location"));
        Assert.Equal("file", location.Scheme);
        Assert.True(Directory.Exists(Path.Combine(location.LocalPath, "_delta_log")), $"{location} holds no Delta log");

        var columns = table.GetProperty("columns").EnumerateArray().ToDictionary(c => Text(c, "name"));
        Assert.Equal(["id", "amount", "name", "seen_at", "ok", "day", "tags", "attrs", "scores"], columns.Keys);
        Assert.Equal(Enumerable.Range(0, 9), columns.Values.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(("LONG", "bigint"), (Text(columns["id"], "type_name"), Text(columns["id"], "type_text")));
        Assert.Equal(("DECIMAL", "decimal(10,2)", 10, 2), (Text(columns["amount"], "type_name"), Text(columns["amount"], "type_text"),
            columns["amount"].GetProperty("type_precision").GetInt32(), columns["amount"].GetProperty("type_scale").GetInt32()));
        Assert.Equal("STRING", Text(columns["name"], "type_name"));
        Assert.Equal("TIMESTAMP_NTZ", Text(columns["seen_at"], "type_name"));
        Assert.Equal("BOOLEAN", Text(columns["ok"], "type_name"));
        Assert.Equal("DATE", Text(columns["day"], "type_name"));
        Assert.Equal(("ARRAY", "array<string>"), (Text(columns["tags"], "type_name"), Text(columns["tags"], "type_text")));
        Assert.Equal(("STRUCT", "struct<a:int,b:string>"), (Text(columns["attrs"], "type_name"), Text(columns["attrs"], "type_text")));
        Assert.Equal(("MAP", "map<string,double>"), (Text(columns["scores"], "type_name"), Text(columns["scores"], "type_text")));
        Assert.Equal(0, columns["day"].GetProperty("partition_index").GetInt32());
        Assert.False(columns["id"].TryGetProperty("partition_index", out _));

        // type_json is the Delta StructField, what Spark's connector reads back into the exact type.
        using var field = JsonDocument.Parse(Text(columns["attrs"], "type_json"));
        Assert.Equal("attrs", field.RootElement.GetProperty("name").GetString());
        Assert.Equal("struct", field.RootElement.GetProperty("type").GetProperty("type").GetString());
        Assert.Equal("integer", field.RootElement.GetProperty("type").GetProperty("fields")[0].GetProperty("type").GetString());
        Assert.True(field.RootElement.GetProperty("nullable").GetBoolean());
        Assert.Equal("\"decimal(10,2)\"", JsonDocument.Parse(Text(columns["amount"], "type_json")).RootElement.GetProperty("type").GetRawText());
    }

    private static string Text(JsonElement json, string property) => json.GetProperty(property).GetString()!;

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];
}
