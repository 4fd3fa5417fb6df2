using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

/// <summary>The table page with its tabs, rendered by bUnit over the app's real catalog and tables.</summary>
public sealed class TablePageTests : MudComponentTest, IClassFixture<CatalogApp>
{
    // The first statements of a fresh app (DuckDB, the catalog) take seconds on a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly CatalogApp _app;

    public TablePageTests(CatalogApp app)
    {
        _app = app;
        app.AddTo(Context.Services);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task Choosing_a_tab_puts_it_in_the_url_and_shows_it()
    {
        var table = await CreateOrdersAsync();
        var page = Open(table.Name, tab: null);

        page.WaitForAssertion(() => Assert.Equal("true", Tab(page, "Overview").GetAttribute("aria-selected")), Patience);
        Tab(page, "Columns").Click();

        page.WaitForAssertion(() => Assert.EndsWith($"catalog/sales/{table.Name.Table}?tab=columns", Navigation.Uri), Patience);
        page.WaitForAssertion(() => Assert.Equal("true", Tab(page, "Columns").GetAttribute("aria-selected")), Patience);
        var columns = page.WaitForElement("table[aria-label='Columns']", Patience);
        Assert.Contains("BIGINT", columns.TextContent);
        Assert.Contains("VARCHAR", columns.TextContent);
        Assert.DoesNotContain("long", columns.TextContent);
    }

    [Fact]
    public async Task Enter_or_space_on_a_focused_tab_opens_it()
    {
        // MudTabs follows the WAI-ARIA tabs pattern with manual activation: arrow keys move focus, Enter and Space open.
        var table = await CreateOrdersAsync();
        var page = Open(table.Name, "history");
        page.WaitForElement("table[aria-label='Table history']", Patience);

        Tab(page, "Maintenance").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.EndsWith("?tab=maintenance", Navigation.Uri), Patience);
        page.WaitForAssertion(() => Assert.Equal("true", Tab(page, "Maintenance").GetAttribute("aria-selected")), Patience);
        Tab(page, "Overview").KeyDown(new KeyboardEventArgs { Key = " " });
        page.WaitForAssertion(() => Assert.EndsWith($"catalog/sales/{table.Name.Table}", Navigation.Uri), Patience);
    }

    [Fact]
    public async Task Picking_two_versions_and_comparing_shows_what_changed()
    {
        var table = await CreateOrdersAsync();
        var providers = RenderProviders();
        var page = Open(table.Name, "history");
        page.WaitForElement("table[aria-label='Table history']", Patience);

        Pick(page, providers, "Compare version", "0");
        Pick(page, providers, "with version", "1");
        page.Find("form[aria-label='Compare versions'] button[type=submit]").Click();

        Assert.Equal(("0", "1"), (Query("from"), Query("to")));
        page.WaitForElement("section[aria-label='Version comparison']", Patience);
        page.WaitForAssertion(() => Assert.Contains("2 row(s) added", page.Find("section[aria-label='Version comparison']").TextContent), Patience);
        Assert.Contains("5 → 5 rows (±0)", page.Find("section[aria-label='Version comparison']").TextContent);
        Assert.Contains("shipped", page.Find("table[aria-label='Rows added']").TextContent);
    }

    [Fact]
    public async Task Any_version_opens_in_the_sql_editor_with_its_time_travel_query()
    {
        var table = await CreateOrdersAsync();
        var page = Open(table.Name, "history");

        var link = page.WaitForElement("a[aria-label='Open version 0 in the SQL editor']", Patience);

        var href = link.GetAttribute("href")!;
        Assert.StartsWith("sql?", href);
        Assert.Equal($"SELECT * FROM sales.{table.Name.Table} VERSION AS OF 0", QueryHelpers.ParseQuery(href[href.IndexOf('?')..])["query"].ToString());
    }

    [Fact]
    public async Task A_restore_asks_first_cancel_changes_nothing_and_confirm_restores()
    {
        var table = await CreateOrdersAsync();
        var providers = RenderProviders();
        var page = Open(table.Name, "history");
        page.WaitForElement("table[aria-label='Table history']", Patience);

        // Find and click in one renderer turn: a re-render between them (the history refreshing) drops the handler.
        await page.InvokeAsync(() => page.Find("button[aria-label='Restore version 0']").Click());
        var dialog = providers.WaitForElement(".mud-dialog", Patience);
        Assert.Contains("Restore version 0?", dialog.TextContent);
        Assert.Contains("2 row(s) added", dialog.TextContent);
        await providers.InvokeAsync(() => Button(providers.Find(".mud-dialog"), "Cancel").Click());

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), Patience);
        Assert.Equal(1, (await _app.ContextOfAsync(table.Name)).Info.CurrentVersion);

        await page.InvokeAsync(() => page.Find("button[aria-label='Restore version 0']").Click());
        providers.WaitForElement(".mud-dialog", Patience);
        await providers.InvokeAsync(() => Button(providers.Find(".mud-dialog"), "Restore version 0").Click());

        providers.WaitForAssertion(() => Assert.Contains("Restored: the table is now at version 2.", providers.Markup), Patience);
        Assert.Equal(2, (await _app.ContextOfAsync(table.Name)).Info.CurrentVersion);
        page.WaitForAssertion(() => Assert.Contains("2 (current)", page.Find("table[aria-label='Table history']").TextContent), Patience);
    }

    [Fact]
    public async Task Opening_the_sample_records_one_query_history_entry()
    {
        var table = await CreateOrdersAsync();
        var sql = $"SELECT * FROM \"sales\".\"{table.Name.Table}\" LIMIT 50";
        var page = Open(table.Name, "sample");

        page.WaitForAssertion(() => Assert.Contains("shipped", page.Find("table[aria-label='Sample rows']").TextContent), Patience);
        // Any navigation re-renders the page and its tab (e.g. another panel of the URL changing): the sample is not read again.
        Navigation.NavigateTo($"catalog/sales/{table.Name.Table}?tab=sample&version=0");
        page.WaitForElement("table[aria-label='Sample rows']", Patience);

        Assert.Single(await _app.HistoryOfAsync(sql));
    }

    [Fact]
    public async Task The_other_engines_tab_gives_the_location_and_the_catalog_endpoint_and_warns_when_masks_stay_behind()
    {
        var table = await CreateOrdersAsync();
        var page = Open(table.Name, "engines");

        var location = page.WaitForElement("[data-testid=engines-location]", Patience).TextContent;
        Assert.StartsWith("file:///", location);
        Assert.EndsWith($"/sales/{table.Name.Table}", location);
        Assert.Contains("/api/2.1/unity-catalog", page.Markup);
        Assert.Contains($"delta_scan('{location}')", page.Find("pre[aria-label=DuckDB]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=engines-unmasked]"));

        await _app.Services.GetRequiredService<NeuroLake.Engine.Catalog.CatalogStore>().ClassifyColumnAsync(
            table.Info.Path with { Column = "status" }, "email", new NeuroLake.Engine.Catalog.PiiClassification("email", 1, NeuroLake.Engine.Catalog.Model.PiiSource.Manual));
        var masked = Open(table.Name, "engines");
        masked.WaitForElement("[data-testid=engines-unmasked]", Patience);
        Assert.Empty(masked.FindAll("[data-testid=engines-tiered]"));

        // A file tiering moved out of the folder is one an engine reading the folder does not find: the tab says so.
        await _app.Services.GetRequiredService<NeuroLake.Engine.Storage.Tiering.TablePlacements>().SaveAsync(table.Info.Location, new(
            "part-moved.parquet", NeuroLake.Engine.Metering.StorageTier.Cold, "s3://cold/t-1/part-moved.parquet", 10, new string('0', 64), null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var tiered = Open(table.Name, "engines").WaitForElement("[data-testid=engines-tiered]", Patience);
        Assert.Contains("1 file(s)", tiered.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 cold", tiered.TextContent, StringComparison.Ordinal);
    }

    private Task<TablePageContext> CreateOrdersAsync() => _app.CreateTableAsync(
        "orders",
        "CREATE TABLE {0} AS SELECT range AS id, 'open' AS status FROM range(5)",
        "UPDATE {0} SET status = 'shipped' WHERE id < 2");

    private IRenderedComponent<TablePage> Open(TableName table, string? tab)
    {
        Navigation.NavigateTo($"catalog/sales/{table.Table}" + (tab is null ? "" : $"?tab={tab}"));
        return Render<TablePage>(p => p.Add(t => t.Schema, table.Schema).Add(t => t.Table, table.Table));
    }

    private string? Query(string key) =>
        QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query).TryGetValue(key, out var value) ? value.ToString() : null;

    private static IElement Tab(IRenderedComponent<TablePage> page, string title) =>
        page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == title);

    private static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    // MudSelect opens its list on mouse down and draws the items in the popover provider.
    private static void Pick(IRenderedComponent<TablePage> page, IRenderedComponent<MudProviders> providers, string label, string item)
    {
        page.Find($"[role=combobox][aria-label='{label}']").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-list-item")), Patience);
        providers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == item).Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-popover-open .mud-list-item")), Patience);
    }
}
