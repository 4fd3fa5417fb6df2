using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Lineage;

/// <summary>
/// <c>/api/v1/lineage</c> shows a token's user what the lineage page shows them: tables they may not SELECT are
/// <c>Restricted table n</c> nodes, never named, and a start table they may not read answers 404 like a missing one.
/// </summary>
public sealed class LineageApiTests
{
    [Fact]
    public async Task An_analyst_sees_a_hidden_upstream_table_only_as_a_restricted_node() => await HiddenNodeAsync(null);

    [PostgresFact]
    public Task An_analyst_sees_a_hidden_upstream_table_only_as_a_restricted_node_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_lineage_api", HiddenNodeAsync);

    private static async Task HiddenNodeAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(catalog: catalog);
        var analyst = app.As(TokenApiApp.Analyst);

        using var asAnalyst = await analyst.GetAsync("/api/v1/lineage/main.sales.report?depth=2");
        var analystBody = await asAnalyst.Content.ReadAsStringAsync();
        var asAdmin = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/lineage/main.sales.report?depth=2");
        using var hidden = await analyst.GetAsync("/api/v1/lineage/main.hr.salaries");
        using var missing = await analyst.GetAsync("/api/v1/lineage/main.hr.nothing");

        Assert.Equal(HttpStatusCode.OK, asAnalyst.StatusCode);
        var labels = Labels(JsonDocument.Parse(analystBody).RootElement);
        Assert.Contains("sales.orders", labels);
        Assert.Contains("Restricted table 1", labels);
        Assert.DoesNotContain("salaries", analystBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hr.salaries", Labels(asAdmin));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hidden.StatusCode, missing.StatusCode));
        Assert.Equal(
            (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.Replace("nothing", "salaries", StringComparison.Ordinal),
            (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Column_lineage_and_impact_analysis_follow_the_columns_and_tables_downstream()
    {
        await using var app = await TokenApiApp.StartAsync();
        var analyst = app.As(TokenApiApp.Analyst);
        var admin = app.As(AccountsApp.AdminName);

        var column = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/lineage/main.sales.orders/columns/amount?depth=1");
        var impact = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/lineage/main.sales.orders/impact");
        var adminImpact = await admin.GetFromJsonAsync<JsonElement>("/api/v1/lineage/main.sales.orders/impact?change=drop&column=amount");

        Assert.Equal("main.sales.orders.amount", column.GetProperty("start").GetString());
        var ids = column.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("main.sales.report.amount", ids);
        Assert.All(column.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "Column"),
            n => Assert.NotNull(n.GetProperty("parent").GetString()));
        Assert.Equal(["main.sales.report"], Assets(impact));
        Assert.Equal(["main.hr.bonus", "main.sales.report"], Assets(adminImpact).Order(StringComparer.Ordinal));
        Assert.Equal("drop column amount", adminImpact.GetProperty("change").GetString());
    }

    [Theory]
    [InlineData("/api/v1/lineage/main.sales.orders?depth=11", HttpStatusCode.BadRequest, "1 to 10 levels")]
    [InlineData("/api/v1/lineage/main.sales.orders?depth=0", HttpStatusCode.BadRequest, "1 to 10 levels")]
    [InlineData("/api/v1/lineage/sales-orders", HttpStatusCode.BadRequest, "catalog.schema.table")]
    [InlineData("/api/v1/lineage/main.sales.orders/columns/nope", HttpStatusCode.NotFound, "use one of id, amount")]
    [InlineData("/api/v1/lineage/main.sales.orders/impact?change=rename&column=amount", HttpStatusCode.BadRequest, "?newName=")]
    [InlineData("/api/v1/lineage/main.sales.orders/impact?change=explode&column=amount", HttpStatusCode.BadRequest, "use drop, rename, type or add")]
    public async Task Bad_requests_say_how_to_fix_them(string path, HttpStatusCode status, string hint)
    {
        await using var app = await TokenApiApp.StartAsync("CREATE SCHEMA sales; CREATE TABLE sales.orders AS SELECT range AS id, range * 10 AS amount FROM range(3);");

        using var response = await app.As(AccountsApp.AdminName).GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hint, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string?> Labels(JsonElement graph) => graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("label").GetString()).ToList();

    private static List<string> Assets(JsonElement impact) => impact.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("asset").GetString()!).ToList();
}
