using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Components.Pages.Cost;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>
/// The Cost page's recommendations rendered by bUnit over <see cref="CostApp"/>'s real services, with sales.orders
/// given a 0-hour retention and a DELETE so VACUUM has a file to remove.
/// </summary>
public sealed class CostRecommendationsPanelTests : MudComponentTest
{
    private const string VacuumOrders = "Vacuum:main.sales.orders";
    private TokenApiApp _app = default!;

    private async Task<IRenderedComponent<CostRecommendationsPanel>> RenderAsync(string user)
    {
        _app = await CostApp.StartAsync();
        await _app.App.Services.GetRequiredService<QueryService>().ExecuteAsync(
            "ALTER TABLE sales.orders SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours'); DELETE FROM sales.orders WHERE id = 0;",
            new QueryRequest(AccountsApp.AdminName));
        Context.AddCostServices(_app.App.Services, user);
        RenderProviders();
        var panel = Render<CostRecommendationsPanel>();
        panel.WaitForElement($"[data-recommendation='{VacuumOrders}']", AdminPageQueries.Patience);
        return panel;
    }

    [Fact]
    public async Task The_button_runs_VACUUM_as_the_user_and_the_recommendation_is_gone_when_it_ends()
    {
        var panel = await RenderAsync(AccountsApp.AdminName);
        var row = panel.Find($"[data-recommendation='{VacuumOrders}']");
        Assert.Contains("VACUUM DRY RUN with the table's retention of 0 hours", row.TextContent);

        row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Run VACUUM").Click();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll($"[data-recommendation='{VacuumOrders}']")), TimeSpan.FromSeconds(60));
        var operation = Assert.Single(_app.App.Services.GetRequiredService<OperationRegistry>().List(AccountsApp.AdminName, isAdmin: true));
        Assert.Equal(("vacuum", "main.sales.orders", OperationStatus.Succeeded, AccountsApp.AdminName), (operation.Kind, operation.Table, operation.Status, operation.Owner));
        Assert.Empty(panel.FindAll("[data-testid=cost-recommendations-error]"));
    }

    [Fact]
    public async Task An_analyst_without_modify_sees_the_recommendation_but_no_button_and_nothing_of_hidden_tables()
    {
        var panel = await RenderAsync(TokenApiApp.Analyst);

        var row = panel.Find($"[data-recommendation='{VacuumOrders}']");
        Assert.DoesNotContain(row.QuerySelectorAll("button"), b => b.TextContent.Contains("Run", StringComparison.Ordinal));
        Assert.DoesNotContain("main.hr.", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Open table", row.TextContent);
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
