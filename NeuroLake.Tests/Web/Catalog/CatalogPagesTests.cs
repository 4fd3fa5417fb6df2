using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

/// <summary>The catalog pages as the server first renders them, over tables written through the app's own query service.</summary>
public sealed class CatalogPagesTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        var queries = _app.Services.GetRequiredService<QueryService>();
        var request = new QueryRequest("tester");
        await queries.ExecuteAsync("CREATE SCHEMA sales", request);
        await queries.ExecuteAsync("CREATE TABLE sales.orders AS SELECT range AS id, 'open' AS status FROM range(5)", request);
        await queries.ExecuteAsync("UPDATE sales.orders SET status = 'shipped' WHERE id < 2", request);
        await _app.Services.GetRequiredService<CatalogStore>().SetDescriptionAsync(SecurablePath.ForTable("main", "sales", "orders"), "Orders placed in the shop");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_table_page_opens_on_the_overview_with_one_tab_per_section()
    {
        var html = await _client.GetStringAsync("/catalog/sales/orders");

        Assert.Contains("Orders placed in the shop", html);
        // Single-user mode: the user administers, so the Activity tab is there too.
        Assert.Equal(TableTabs.For(ownerOrAdmin: true).Count, Regex.Matches(html, "role=\"tab\"").Count);
        Assert.Equal("Overview", SelectedTab(html));
    }

    [Fact]
    public async Task A_deep_link_opens_the_history_with_the_comparison_of_two_versions()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/catalog/sales/orders?tab=history&from=0&to=1"));

        Assert.Equal("History", SelectedTab(html));
        Assert.Contains("UPDATE", html);
        Assert.Contains("5 → 5 rows (±0)", html);
        Assert.Contains("2 row(s) added", html);
        Assert.Contains("2 row(s) removed", html);
        Assert.Contains("shipped", html);
    }

    [Fact]
    public async Task The_history_shows_the_rows_of_an_old_version()
    {
        var html = await _client.GetStringAsync("/catalog/sales/orders?tab=history&version=0");

        Assert.Contains("Rows of version 0", html);
        Assert.Contains(">open<", html);
        Assert.DoesNotContain(">shipped<", html);
    }

    [Fact]
    public async Task The_explorer_lists_search_hits_best_first_with_links_to_their_pages()
    {
        var html = await _client.GetStringAsync("/catalog?q=orders");

        Assert.Contains("href=\"catalog/sales/orders\"", html);
        Assert.Contains("main.sales.orders", html);
    }

    [Fact]
    public async Task The_explorer_opens_a_schema_of_the_tree_from_the_url()
    {
        var html = await _client.GetStringAsync("/catalog?schema=sales");

        Assert.Contains("aria-expanded=\"true\" aria-label=\"Schema sales\"", html);
        Assert.Contains("href=\"catalog/sales/orders\"", html);
    }

    [Fact]
    public async Task The_personal_data_filter_alone_lists_what_holds_pii()
    {
        await _app.Services.GetRequiredService<CatalogStore>().ClassifyColumnAsync(
            SecurablePath.ForTable("main", "sales", "orders") with { Column = "status" }, null, new PiiClassification("email", 0.9, PiiSource.Manual));

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/catalog?pii=yes"));

        Assert.Contains("href=\"catalog/sales/orders?tab=columns\"", html);
        Assert.Contains("main.sales.orders.status", html);
        Assert.Contains("href=\"catalog/sales/orders\"", html);
        Assert.DoesNotContain("main.sales.orders.id", html);
        Assert.Contains("result(s)", html);
    }

    [Fact]
    public async Task The_first_render_of_the_sample_tab_reads_nothing_so_opening_it_records_one_history_entry()
    {
        var html = await _client.GetStringAsync("/catalog/sales/orders?tab=sample");

        Assert.Contains("Reading sample rows", html);
        var history = await _app.Services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch(Text: "LIMIT 50"));
        Assert.Empty(history);
    }

    [Fact]
    public async Task An_unknown_tab_shows_the_overview_and_says_the_tab_does_not_exist()
    {
        var html = await _client.GetStringAsync("/catalog/sales/orders?tab=nope");

        Assert.Contains("There is no tab &#x27;nope&#x27;; showing Overview.", html);
        Assert.Equal("Overview", SelectedTab(html));
    }

    [Fact]
    public async Task A_table_that_is_not_registered_says_so_in_place()
    {
        using var response = await _client.GetAsync("/catalog/sales/missing");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no table sales.missing in the catalog, or you may not read it", html);
        Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task A_refused_tag_edit_keeps_the_draft_and_shows_the_catalog_message()
    {
        var catalog = _app.Services.GetRequiredService<CatalogStore>();
        var path = SecurablePath.ForTable("main", "sales", "orders");
        var edit = new InlineEdit();
        edit.Begin("");
        edit.Draft = "finance,,daily";

        var saved = await edit.SaveAsync(text => catalog.SetTagsAsync(path, TagList.Parse(text)));

        Assert.False(saved);
        Assert.True(edit.IsEditing);
        Assert.Equal("finance,,daily", edit.Draft);
        Assert.Contains("A tag is empty", edit.Error);
        Assert.Empty((await catalog.FindTableAsync(path))!.Tags);

        edit.Draft = "finance, daily";
        Assert.True(await edit.SaveAsync(text => catalog.SetTagsAsync(path, TagList.Parse(text))));
        Assert.Equal(["finance", "daily"], (await catalog.FindTableAsync(path))!.Tags);
    }

    private static string SelectedTab(string html) =>
        Regex.Match(html, "role=\"tab\"[^>]*aria-selected=\"true\"[^>]*>(?:<[^>]+>)*([^<]+)<").Groups[1].Value.Trim();
}
