using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Tests.Web.Api;

public sealed class SqlApiAnnotationTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public SqlApiAnnotationTests(WorkbenchAppFactory app) => _app = app;

    [Fact]
    public async Task Columns_from_a_pii_classified_column_carry_its_pii_type()
    {
        var schema = "pii_" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.people AS SELECT 'a@b.org' AS email, 'Ann' AS name");
        await _app.Services.GetRequiredService<CatalogStore>().ClassifyColumnAsync(
            new SecurablePath("main", schema, "people", "email"), null, new PiiClassification("email", 0.99, PiiSource.Manual));

        using var json = await RunAsync($"SELECT email, name FROM {schema}.people");

        var columns = json.RootElement.GetProperty("statements")[0].GetProperty("columns");
        Assert.Equal("email", columns[0].GetProperty("piiType").GetString());
        Assert.False(columns[1].TryGetProperty("piiType", out _));
    }

    [Fact]
    public async Task Advisor_findings_come_with_the_statement()
    {
        var schema = "advice_" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.a AS SELECT 1 AS x; CREATE TABLE {schema}.b AS SELECT 2 AS y");

        using var json = await RunAsync($"SELECT x, y FROM {schema}.a CROSS JOIN {schema}.b");

        var advice = json.RootElement.GetProperty("statements")[0].GetProperty("advice");
        var finding = Assert.Single(advice.EnumerateArray());
        Assert.Equal("cross-join", finding.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
    }

    private async Task<JsonDocument> RunAsync(string sql)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
