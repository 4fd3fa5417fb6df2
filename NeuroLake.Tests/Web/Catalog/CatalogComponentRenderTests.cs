using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Tables;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class CatalogComponentRenderTests
{
    [Fact]
    public async Task The_tab_strip_marks_the_active_tab_for_assistive_technology()
    {
        var selection = new TabSelection(TableTabs.All, "history");

        var list = await RenderAsync<TabStrip>(new() { ["Selection"] = selection, ["BasePath"] = "catalog/s/t", ["Label"] = "Table sections" });

        Assert.Equal(("tablist", "Table sections"), ((string?)list.Attribute("role"), (string?)list.Attribute("aria-label")));
        var tabs = list.Descendants("a").ToList();
        Assert.Equal(TableTabs.All.Count, tabs.Count);
        var selected = Assert.Single(tabs, a => (string?)a.Attribute("aria-selected") == "true");
        Assert.Equal("catalog/s/t?tab=history", (string?)selected.Attribute("href"));
        Assert.Equal("catalog/s/t", (string?)tabs[0].Attribute("href"));
    }

    [Fact]
    public async Task Schema_changes_render_one_row_each_with_a_severity_badge()
    {
        SchemaChange[] changes =
        [
            new(SchemaChangeKind.Added, "note", null, "string", ChangeSeverity.Safe, "added nullable column"),
            new(SchemaChangeKind.Removed, "legacy", "long", null, ChangeSeverity.Breaking, "dropped column"),
        ];

        var table = await RenderAsync<SchemaChangeList>(new() { ["Changes"] = changes });

        var rows = table.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(["legacy", "note"], rows.Select(r => r.Element("th")!.Value));
        Assert.Equal(["breaking", "safe"], rows.Select(r => r.Descendants("span").Single().Value));
    }

    [Fact]
    public async Task No_schema_changes_render_the_empty_text()
    {
        var paragraph = await RenderAsync<SchemaChangeList>(new() { ["Changes"] = Array.Empty<SchemaChange>(), ["Empty"] = "Same schema." });

        Assert.Equal("Same schema.", paragraph.Value);
    }

    [Fact]
    public async Task Running_work_shows_its_elapsed_time_and_the_statement_phase()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var progress = new QueryProgress();
        progress.Completed();

        var html = await RenderAsync<ElapsedTime>(new() { ["Since"] = clock.Now.AddSeconds(-65), ["Progress"] = progress }, clock);

        Assert.Equal("1 min 5 s", html.Elements("span").First(e => (string?)e.Attribute("role") == "timer").Value);
        Assert.Equal("done 100 %", html.Elements("span").Last().Value);
    }

    private static async Task<XElement> RenderAsync<T>(Dictionary<string, object?> parameters, TimeProvider? clock = null) where T : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton<NavigationManager>(new PageNavigationManager());
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        try
        {
            return XElement.Parse(html);
        }
        catch (System.Xml.XmlException)
        {
            // Several top-level elements: wrap them so they parse as one.
            return XElement.Parse($"<root>{html}</root>");
        }
    }

    /// <summary>A NavigationManager on one page: all a tab strip needs to render.</summary>
    private sealed class PageNavigationManager : NavigationManager
    {
        public PageNavigationManager() => Initialize("http://localhost/", "http://localhost/catalog/s/t");
    }
}
