using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Components.Pages.Catalog.Tabs;
using NeuroLake.Web.Components.Pages.Cost;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>The table page's Cost tab over measured usage: the table's own storage and the analyst's compute on it, per day.</summary>
public sealed class CostTabTests : MudComponentTest
{
    private TokenApiApp _app = default!;

    [Fact]
    public async Task The_tab_shows_the_tables_measured_storage_cost_and_says_whose_compute_it_counts()
    {
        _app = await CostApp.StartAsync();
        Context.AddCostServices(_app.App.Services, TokenApiApp.Analyst);
        var info = await _app.App.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "sales", "orders"));
        var table = new TablePageContext(new TableName("sales", "orders"), info!, () => Task.CompletedTask);

        var tab = Render<CostTab>(p => p.Add(t => t.Table, table));

        var total = tab.WaitForElement("[data-testid=table-cost-total]", AdminPageQueries.Patience).TextContent;
        var storage = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(_app.App.Services, "main.sales.orders"));
        Assert.Contains($"storage {CostMoney.Format(storage, "USD")}", total);
        Assert.Contains("only your own statements", total);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), tab.Find("[aria-label='Daily cost of the table']").TextContent);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
