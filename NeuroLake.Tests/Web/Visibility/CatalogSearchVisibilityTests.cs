using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Visibility;

/// <summary>
/// Catalog search ranks first and filters by privilege after: the page an analyst gets is made of hits they may see.
/// Its own app, because the tables it adds would crowd other tests' recent-table lists.
/// </summary>
public sealed class CatalogSearchVisibilityTests(GrantedSchemaApp fixture) : IClassFixture<GrantedSchemaApp>
{
    private const string Analyst = GrantedSchemaApp.Analyst;
    private const string Admin = AccountsApp.AdminName;

    [Fact]
    public async Task Search_still_shows_the_analysts_hits_when_a_page_of_better_ranked_hits_is_hidden()
    {
        // 60 hidden tables whose names rank before the one visible match: a filter applied after the engine's first
        // page of 50 would leave the analyst nothing.
        var statements = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"CREATE TABLE vault.pagefill_a{i:D2} AS SELECT 1 AS x;"));
        await fixture.App.Services.GetRequiredService<QueryService>()
            .ExecuteAsync(statements + " CREATE TABLE sales.pagefill_z AS SELECT 1 AS x;", new QueryRequest(Admin));

        var analyst = await fixture.PageAsync(Analyst, "/catalog?q=pagefill&kind=table");

        Assert.Contains("catalog/sales/pagefill_z", analyst);
        Assert.DoesNotContain("pagefill_a", analyst);
    }
}
