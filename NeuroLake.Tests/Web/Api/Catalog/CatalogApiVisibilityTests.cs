using System.Net;
using System.Text.Json;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Catalog;

/// <summary>
/// The catalog API shows a token's user what the explorer shows them: an analyst lists only the schemas they may use and
/// the tables they may SELECT, gets a hidden table as 404 worded like a missing one, and never finds it by search or
/// among related tables.
/// </summary>
public sealed class CatalogApiVisibilityTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task An_analyst_lists_catalogs_schemas_and_only_the_tables_they_may_read()
    {
        var (catalogsStatus, catalogs) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs");
        var (_, schemas) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas");
        var (_, sales) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/sales/tables");
        var (_, hr) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/hr/tables");
        var (vaultStatus, _) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/vault/tables");
        var (_, adminHr) = await lake.Admin.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/hr/tables");

        Assert.Equal(HttpStatusCode.OK, catalogsStatus);
        Assert.Contains("main", Names(catalogs, "name"));
        Assert.Equal(["hr", "sales"], Names(schemas, "name").Where(s => s is "hr" or "sales" or "vault").Order());
        Assert.Equal(["customers", "orders", "report"], Names(sales.GetProperty("tables"), "name"));
        Assert.Equal(3, sales.GetProperty("total").GetInt32());
        Assert.Equal(0, hr.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, vaultStatus);
        Assert.Equal(["bonus", "salaries"], Names(adminHr.GetProperty("tables"), "name"));
    }

    [Fact]
    public async Task Tables_are_paged_with_the_total()
    {
        var (_, first) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/sales/tables?skip=0&take=2");
        var (_, second) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/sales/tables?skip=2&take=2");
        var (badStatus, bad) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/sales/tables?take=5000");

        Assert.Equal(["customers", "orders"], Names(first.GetProperty("tables"), "name"));
        Assert.Equal(["report"], Names(second.GetProperty("tables"), "name"));
        Assert.Equal((3, 3), (first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("take between 1 and 1000", bad.Detail());
    }

    [Fact]
    public async Task A_hidden_table_answers_404_like_a_missing_one_and_is_not_found_by_search()
    {
        var (hiddenStatus, hidden) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/tables/main.hr.salaries");
        var (missingStatus, missing) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/tables/main.hr.nothing");
        var (_, analystHits) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/search?q=salaries");
        var (_, adminHits) = await lake.Admin.GetApiAsync("/api/v1/catalog/search?q=salaries");
        var (_, descriptionRefused) = await lake.AnalystClient.PutApiAsync("/api/v1/catalog/tables/main.hr.salaries/description", new { description = "mine" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hiddenStatus, missingStatus));
        Assert.Equal(missing.Detail().Replace("nothing", "salaries", StringComparison.Ordinal), hidden.Detail());
        Assert.DoesNotContain(Names(analystHits.GetProperty("hits"), "qualifiedName"), n => n.StartsWith("main.hr.salaries", StringComparison.Ordinal));
        Assert.Contains("main.hr.salaries", Names(adminHits.GetProperty("hits"), "qualifiedName"));
        Assert.Equal(404, descriptionRefused.GetProperty("status").GetInt32());
        Assert.Equal("", (await lake.TableAsync("hr", "salaries"))!.Description);
    }

    [Fact]
    public async Task Related_tables_leave_out_what_the_analyst_may_not_read()
    {
        var (status, analyst) = await lake.AnalystClient.GetApiAsync("/api/v1/catalog/tables/main.sales.orders/recommendations");
        var (_, admin) = await lake.Admin.GetApiAsync("/api/v1/catalog/tables/main.sales.orders/recommendations");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Names(admin, "fullName"), n => n.StartsWith("main.hr.", StringComparison.Ordinal));
        Assert.DoesNotContain(Names(analyst, "fullName"), n => n.StartsWith("main.hr.", StringComparison.Ordinal));
        Assert.Contains("main.sales.report", Names(analyst, "fullName"));
    }

    [Theory]
    [InlineData("/api/v1/catalog/tables/main.sales", "catalog.schema.table")]
    [InlineData("/api/v1/catalog/tables/main.sales.orders;drop/recommendations", "catalog.schema.table")]
    [InlineData("/api/v1/catalog/search", "Nothing to search for")]
    [InlineData("/api/v1/catalog/search?q=orders&kind=view", "kind is one of schema, table, column")]
    [InlineData("/api/v1/catalog/search?q=orders&take=0", "take must be between 1 and 500")]
    [InlineData("/api/v1/catalog/tables/main.sales.orders/recommendations?take=99", "take must be between 1 and 50")]
    public async Task Bad_requests_answer_400_saying_how_to_ask(string path, string fix)
    {
        var (status, problem) = await lake.AnalystClient.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(fix, problem.Detail());
    }

    internal static List<string> Names(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
