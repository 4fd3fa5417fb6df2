using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Catalog.Tabs;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class MaintenanceTabTests : MudComponentTest, IClassFixture<CatalogApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly CatalogApp _app;

    public MaintenanceTabTests(CatalogApp app)
    {
        _app = app;
        app.AddTo(Context.Services);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task A_retention_below_the_tables_needs_the_switch_which_asks_first_and_then_vacuum_deletes_after_confirming()
    {
        var table = await _app.CreateTableAsync(
            "vacuum",
            "CREATE TABLE {0} AS SELECT range AS id, 'open' AS status FROM range(5)",
            "UPDATE {0} SET status = 'shipped' WHERE id < 2");
        var providers = RenderProviders();
        var tab = Render<MaintenanceTab>(p => p.Add(t => t.Table, table));

        Field(tab, "Retention (hours)").Input("0");
        tab.Find("form[aria-label='VACUUM preview']").Submit();
        Assert.Contains("switch on 'Allow retention shorter than the table's minimum'", tab.Markup);
        Assert.Empty(providers.FindAll(".mud-dialog"));

        var allow = Switch(tab);
        allow.Change(true);
        var question = providers.WaitForElement(".mud-dialog", Patience);
        Assert.Contains("Allow a retention shorter than 168 hours?", question.TextContent);
        Assert.Contains("can no longer be read, browsed, compared or restored", question.TextContent);
        Button(question, "Cancel").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), Patience);
        Assert.Equal("false", Switch(tab).GetAttribute("aria-checked"));

        Switch(tab).Change(true);
        Button(providers.WaitForElement(".mud-dialog", Patience), "Allow shorter retention").Click();
        tab.WaitForAssertion(() => Assert.Equal("true", Switch(tab).GetAttribute("aria-checked")), Patience);

        tab.Find("form[aria-label='VACUUM preview']").Submit();
        var delete = providers.WaitForElement(".mud-dialog", Patience);
        Assert.Matches(@"Delete \d+ file\(s\)\?", delete.TextContent);
        Assert.Contains("0 hours is shorter than the table's 168 hours", delete.TextContent);
        Assert.Contains(".parquet", delete.QuerySelector("table[aria-label='Files to delete']")!.TextContent);
        delete.QuerySelectorAll("button").Single(b => b.TextContent.Trim().StartsWith("Delete ", StringComparison.Ordinal)).Click();

        providers.WaitForAssertion(() => Assert.Matches(@"VACUUM deleted [1-9]\d* file\(s\)", providers.Markup), Patience);
        var vacuums = await _app.HistoryOfAsync($"VACUUM \"sales\".\"{table.Name.Table}\" RETAIN 0 HOURS");
        Assert.Equal(2, vacuums.Count);
    }

    [Fact]
    public async Task Optimize_reports_the_version_it_committed_and_its_metrics()
    {
        var table = await _app.CreateTableAsync(
            "optimize",
            "CREATE TABLE {0} AS SELECT range AS id FROM range(5)",
            "INSERT INTO {0} SELECT range AS id FROM range(5, 10)");
        var providers = RenderProviders();
        var tab = Render<MaintenanceTab>(p => p.Add(t => t.Table, table));

        tab.FindAll("button").Single(b => b.TextContent.Trim() == "Run OPTIMIZE").Click();

        providers.WaitForAssertion(() => Assert.Contains("OPTIMIZE committed version 2.", providers.Markup), Patience);
        tab.WaitForElement("dl[aria-label='OPTIMIZE metrics']", Patience);
    }

    private static IElement Field(IRenderedComponent<MaintenanceTab> tab, string label)
    {
        var id = tab.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return tab.Find($"#{id}");
    }

    private static IElement Switch(IRenderedComponent<MaintenanceTab> tab) => tab.Find("input[role=switch]");

    private static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
