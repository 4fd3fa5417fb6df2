using Bunit;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Cost;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>The Cost page rendered by bUnit over usage the real services measured: the numbers, the scope, the forecast's answer.</summary>
public sealed class CostPageTests : MudComponentTest
{
    private TokenApiApp _app = default!;

    private async Task<IRenderedComponent<CostPage>> RenderAsync(string user)
    {
        _app = await CostApp.StartAsync();
        Context.AddCostServices(_app.App.Services, user);
        var page = Render<CostPage>();
        page.WaitForElement("[data-testid=cost-by-table]", AdminPageQueries.Patience);
        return page;
    }

    [Fact]
    public async Task An_analyst_sees_the_measured_cost_of_tables_they_may_read_and_only_their_own_usage()
    {
        var page = await RenderAsync(TokenApiApp.Analyst);

        var byTable = page.Find("[data-testid=cost-by-table]").TextContent;
        var orders = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(_app.App.Services, "main.sales.orders"));
        Assert.Contains(CostMoney.Format(orders, "USD"), byTable);
        Assert.Contains("Storage (USD)", byTable);
        Assert.DoesNotContain("main.hr.", page.Markup, StringComparison.Ordinal);
        Assert.Equal([TokenApiApp.Analyst], page.FindAll("[data-testid=cost-by-user] tbody tr td:first-child").Select(c => c.TextContent));
        Assert.Contains("only your own statements, loads and jobs and the tables you may read", page.Find("[data-testid=cost-scope]").TextContent);
        Assert.StartsWith("Too little history", page.Find("[data-testid=cost-forecast-none]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=cost-forecast-chart]"));
        Assert.Equal(3, page.FindAll("[data-testid=cost-deployments] h3").Count);
        Assert.Contains("Test prices", page.Markup);
    }

    [Fact]
    public async Task An_administrator_sees_every_table_and_user()
    {
        var page = await RenderAsync(AccountsApp.AdminName);

        var salaries = CostApp.HotStorageCost(await CostApp.StoredBytesAsync(_app.App.Services, "main.hr.salaries"));
        Assert.Contains("main.hr.salaries", page.Find("[data-testid=cost-by-table]").TextContent);
        Assert.Contains(CostMoney.Format(salaries, "USD"), page.Find("[data-testid=cost-by-table]").TextContent);
        var users = page.FindAll("[data-testid=cost-by-user] tbody tr td:first-child").Select(c => c.TextContent).ToList();
        Assert.Contains(AccountsApp.AdminName, users);
        Assert.Contains(TokenApiApp.Analyst, users);
        Assert.Contains("these figures cover all usage", page.Find("[data-testid=cost-scope]").TextContent);
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
