using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using static NeuroLake.Tests.Web.Api.UnityCatalog.UnityCatalogCalls;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>
/// The Unity Catalog endpoint shows a token's user what the catalog pages show them: an analyst without a grant on a
/// table neither finds it in a listing nor gets it by name (404, worded like a missing one), and nobody anonymous gets in.
/// </summary>
public sealed class UnityCatalogAccessTests
{
    [Fact]
    public async Task An_analyst_without_a_grant_neither_lists_nor_gets_the_table()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await AccessTokenTests.CreateTokenAsync(app, "ann");
        await app.Services.GetRequiredService<QueryService>().ExecuteAsync(
            """
            CREATE SCHEMA sales; CREATE SCHEMA hr;
            CREATE TABLE sales.orders AS SELECT range AS id FROM range(3);
            CREATE TABLE hr.salaries AS SELECT range AS id, 5000 + range AS salary FROM range(3);
            GRANT USE CATALOG ON CATALOG main TO USER ann;
            GRANT USE SCHEMA, SELECT ON SCHEMA sales TO USER ann;
            GRANT USE SCHEMA ON SCHEMA hr TO USER ann;
            """,
            new QueryRequest(AccountsApp.AdminName));
        using var analyst = app.Browser();
        analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        using var anonymous = app.Browser();

        var sales = await GetValidAsync(analyst, "/tables?catalog_name=main&schema_name=sales", "ListTablesResponse");
        var hr = await GetValidAsync(analyst, "/tables?catalog_name=main&schema_name=hr", "ListTablesResponse");
        var hidden = await GetAsync(analyst, "/tables/main.hr.salaries");
        var missing = await GetAsync(analyst, "/tables/main.hr.nothing");
        var (anonymousStatus, _) = await GetAsync(anonymous, "/catalogs");

        Assert.Equal(["orders"], Names(sales, "tables"));
        Assert.Empty(Names(hr, "tables"));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (hidden.Status, missing.Status));
        Assert.Equal(
            missing.Json.GetProperty("message").GetString()!.Replace("nothing", "salaries", StringComparison.Ordinal),
            hidden.Json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus);
        await GetValidAsync(analyst, "/tables/main.sales.orders", "TableInfo");
    }
}
