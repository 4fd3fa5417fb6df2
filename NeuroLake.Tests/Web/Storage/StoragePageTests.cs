using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Components.Pages.Storage;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Storage;

namespace NeuroLake.Tests.Web.Storage;

/// <summary>The Storage page rendered by bUnit over real tables measured by the real survey: tiers, tables, partitions, the cache, empty states.</summary>
public sealed class StoragePageTests : MudComponentTest
{
    // A partition value with markup: the page must show it as text.
    private const string Setup = TokenApiApp.SalesAndHr +
        """
        CREATE TABLE sales.events (id BIGINT, region VARCHAR) PARTITIONED BY (region);
        INSERT INTO sales.events SELECT range, '<b>eu</b>' FROM range(4);
        INSERT INTO sales.events SELECT range, 'us' FROM range(4, 6);
        """;

    private TokenApiApp _app = default!;

    private async Task<IRenderedComponent<StoragePage>> RenderAsync(string user, string setup = Setup)
    {
        _app = await TokenApiApp.StartAsync(setup);
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<StorageReports>());
        // The page holds the tiering panel, which asks these (and renders for administrators only).
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<Engine.Governance.PrivilegeEvaluator>());
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<Engine.Tiering.LakehouseTiering>());
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<Engine.Catalog.Tiering.TierOverrideStore>());
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<NeuroLake.Web.Jobs.JobScheduler>());
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<Engine.Jobs.JobRunStore>());
        Context.Services.AddSingleton(_app.App.Services.GetRequiredService<Engine.Governance.Audit.AuditLog>());
        Context.Services.AddSingleton<IWorkbenchUser>(new PageUser(user));
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Render<StoragePage>();
        page.WaitForElement("[data-testid=storage-tier-hot]", AdminPageQueries.Patience);
        return page;
    }

    private async Task<long> CatalogBytesAsync(string schema, string table) =>
        (await _app.App.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", schema, table)))!.SizeBytes;

    [Fact]
    public async Task An_analyst_sees_the_hot_tier_and_the_tables_they_may_read_and_why_warm_and_cold_are_empty()
    {
        var page = await RenderAsync(TokenApiApp.Analyst);

        var sales = await CatalogBytesAsync("sales", "orders") + await CatalogBytesAsync("sales", "report") + await CatalogBytesAsync("sales", "events");
        Assert.Contains(ByteSize.Format(sales), page.Find("[data-testid=storage-tier-hot]").TextContent);
        Assert.Contains("in 3 table(s)", page.Find("[data-testid=storage-tier-hot]").TextContent);
        Assert.Contains("0 bytes", page.Find("[data-testid=storage-tier-warm]").TextContent);
        Assert.Contains("NeuroLake:Storage:S3:ServiceUrl", page.Find("[data-testid=storage-no-s3]").TextContent);
        Assert.Equal(["main.sales.events", "main.sales.orders", "main.sales.report"], TableNames(page).Order());
        Assert.DoesNotContain("main.hr.", page.Markup, StringComparison.Ordinal);
        Assert.Contains("administrators see them", page.Find("[data-testid=storage-cache-admins]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=cache-capacity]"));
    }

    [Fact]
    public async Task Tables_sort_by_the_clicked_column_and_a_second_click_flips_it()
    {
        var page = await RenderAsync(TokenApiApp.Analyst);
        var largestFirst = TableNames(page);

        page.Find("button[data-column=Name]").Click();
        var byName = TableNames(page);
        page.Find("button[data-column=Name]").Click();
        var byNameDescending = TableNames(page);

        Assert.Equal(["main.sales.events", "main.sales.orders", "main.sales.report"], byName);
        Assert.Equal(byName.AsEnumerable().Reverse(), byNameDescending);
        Assert.Equal("Name", page.Find("th[aria-sort=descending] button").GetAttribute("data-column"));
        var bytes = await Task.WhenAll(largestFirst.Select(n => CatalogBytesAsync("sales", n.Split('.')[2])));
        Assert.Equal(bytes.OrderDescending(), bytes);
    }

    [Fact]
    public async Task The_partitions_of_a_chosen_table_show_bytes_files_and_rows_with_values_as_text()
    {
        var page = await RenderAsync(TokenApiApp.Analyst);

        page.Find("button[aria-label='Partitions of main.sales.events']").Click();
        var partitions = page.WaitForElement("[data-testid=storage-partitions] table", AdminPageQueries.Patience);

        var rows = partitions.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        var eu = rows.Single(r => r[0] == "<b>eu</b>");
        Assert.Equal(("1", "4"), (eu[2], eu[3]));
        Assert.Equal(("1", "2"), (rows.Single(r => r[0] == "us")[2], rows.Single(r => r[0] == "us")[3]));
        Assert.Contains("&lt;b&gt;eu&lt;/b&gt;", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=storage-partitions] b"));

        page.Find("button[aria-label='Partitions of main.sales.orders']").Click();
        var whole = page.WaitForElement("[data-testid=storage-unpartitioned]", AdminPageQueries.Patience);
        Assert.Contains("3 row(s)", whole.TextContent);
    }

    [Fact]
    public async Task An_administrator_sees_the_cache_with_no_samples_yet_and_then_the_chart_of_a_sample()
    {
        var page = await RenderAsync(AccountsApp.AdminName);

        var cache = page.WaitForElement("[data-testid=cache-capacity]", AdminPageQueries.Patience);
        Assert.Equal(ByteSize.Format(_app.App.Services.GetRequiredService<FileCache>().CapacityBytes), cache.TextContent);
        Assert.Contains("NeuroLake:Storage:Cache:SampleMinutes", page.Find("[data-testid=cache-no-samples]").TextContent);
        Assert.Contains("main.hr.salaries", TableNames(page));

        await _app.App.Services.GetRequiredService<CacheSampler>().SampleAsync();
        page.FindAll("[aria-label='Cache history range'] button").Single(b => b.TextContent.Contains("7 days", StringComparison.Ordinal)).Click();

        page.WaitForElement("[data-testid=cache-history-chart]", AdminPageQueries.Patience);
        Assert.Contains("1 sample(s), one every 5 minute(s)", page.Find("[data-testid=cache-range-summary]").TextContent);
    }

    [Fact]
    public async Task With_no_table_to_read_the_page_says_so()
    {
        var page = await RenderAsync(TokenApiApp.Analyst, setup: "");

        Assert.Contains("There is no table you may read", page.Find("[data-testid=storage-no-tables]").TextContent);
        Assert.Contains("0 bytes", page.Find("[data-testid=storage-tier-hot]").TextContent);
    }

    private static List<string> TableNames(IRenderedComponent<StoragePage> page) =>
        page.FindAll("[data-testid=storage-tables] tbody tr").Select(r => r.GetAttribute("data-table")!).ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed record PageUser(string Name) : IWorkbenchUser;
}
