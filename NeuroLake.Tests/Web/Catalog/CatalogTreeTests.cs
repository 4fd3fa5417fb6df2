using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class CatalogTreeTests : MudComponentTest, IClassFixture<CatalogApp>
{
    // The first statements of a fresh app (DuckDB, the catalog) take seconds on a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly CatalogApp _app;

    public CatalogTreeTests(CatalogApp app)
    {
        _app = app;
        app.AddTo(Context.Services);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Expanding_a_schema_lists_its_tables_and_selecting_one_opens_its_page()
    {
        var table = await _app.CreateTableAsync("tree", "CREATE TABLE {0} AS SELECT 1 AS id");
        var tree = Render<CatalogTree>();

        var schema = tree.WaitForElement("li[aria-label='Schema sales']", Patience);
        Assert.Equal("false", schema.GetAttribute("aria-expanded"));
        Assert.Empty(tree.FindAll($"li[aria-label='Table {table.Name}']"));

        tree.Find("li[aria-label='Schema sales'] button[aria-label='Expand']").Click();

        var item = tree.WaitForElement($"li[aria-label='Table {table.Name}']", Patience);
        Assert.Equal("true", tree.Find("li[aria-label='Schema sales']").GetAttribute("aria-expanded"));
        Assert.Equal($"catalog/sales/{table.Name.Table}", item.QuerySelector("a")!.GetAttribute("href"));

        item.QuerySelector(".mud-treeview-item-content")!.Click();

        Assert.EndsWith($"/catalog/sales/{table.Name.Table}", Context.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_schema_named_by_the_explorer_starts_expanded_and_collapses_on_click()
    {
        var table = await _app.CreateTableAsync("open", "CREATE TABLE {0} AS SELECT 1 AS id");
        var tree = Render<CatalogTree>(p => p.Add(t => t.Expanded, "SALES"));

        tree.WaitForElement($"li[aria-label='Table {table.Name}']", Patience);
        tree.Find("li[aria-label='Schema sales'] button[aria-label='Collapse']").Click();

        tree.WaitForAssertion(() => Assert.Empty(tree.FindAll($"li[aria-label='Table {table.Name}']")), Patience);
        Assert.Equal("false", tree.Find("li[aria-label='Schema sales']").GetAttribute("aria-expanded"));
    }
}
