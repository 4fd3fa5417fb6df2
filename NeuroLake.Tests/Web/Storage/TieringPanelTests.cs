using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Tiering;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Storage;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Storage;

/// <summary>
/// The tiering panel over a real app (no S3 tiers configured): an administrator sees the plan's note, runs tiering and
/// sees it end, and changes a table's override; anyone else gets nothing rendered.
/// </summary>
public sealed class TieringPanelTests : MudComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TokenApiApp _app = default!;
    private IRenderedComponent<MudComponentTest.MudProviders> _providers = default!;

    private async Task<IRenderedComponent<TieringPanel>> RenderAsync(string user)
    {
        _app = await TokenApiApp.StartAsync();
        var services = _app.App.Services;
        Context.Services.AddSingleton(services.GetRequiredService<PrivilegeEvaluator>());
        Context.Services.AddSingleton(services.GetRequiredService<LakehouseTiering>());
        Context.Services.AddSingleton(services.GetRequiredService<TierOverrideStore>());
        Context.Services.AddSingleton(services.GetRequiredService<JobScheduler>());
        Context.Services.AddSingleton(services.GetRequiredService<JobRunStore>());
        Context.Services.AddSingleton(services.GetRequiredService<AuditLog>());
        Context.Services.AddSingleton<IWorkbenchUser>(new PanelUser(user));
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _providers = RenderProviders();
        return Render<TieringPanel>();
    }

    [Fact]
    public async Task An_administrator_sees_the_plan_runs_it_to_the_end_and_pins_a_table()
    {
        var panel = await RenderAsync(AccountsApp.AdminName);
        panel.WaitForElement("[data-testid=tiering-summary]", Patience);
        Assert.Contains("Only the hot tier exists", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("No moves planned", panel.Markup, StringComparison.Ordinal);
        Assert.NotNull(panel.Find("[data-table='main.sales.orders']"));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Run now").Click();

        var runs = _app.App.Services.GetRequiredService<JobRunStore>();
        // The run's summary arrives as a toast once the job server has run it.
        _providers.WaitForAssertion(() => Assert.Contains("Nothing to move", _providers.Markup, StringComparison.Ordinal), Patience);
        var run = Assert.Single((await runs.SearchAsync(new JobRunQuery(Kind: JobKind.Tiering), CancellationToken.None)).Runs);
        Assert.Equal((JobRunStatus.Skipped, AccountsApp.AdminName), (run.Status, run.TriggeredBy));
        Assert.Empty(panel.FindAll("[data-testid=tiering-error]"));

        var select = panel.FindComponents<MudBlazor.MudSelect<TierOverride>>().Single(s => s.Instance.Label == "Override of main.sales.orders");
        await panel.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(TierOverride.PinHot));

        var stored = await _app.App.Services.GetRequiredService<TierOverrideStore>().GetAsync(SecurablePath.ForTable("main", "sales", "orders"), CancellationToken.None);
        Assert.Equal(TierOverride.PinHot, stored);
    }

    [Fact]
    public async Task Anyone_else_gets_nothing_rendered()
    {
        var panel = await RenderAsync(TokenApiApp.Analyst);

        Assert.Empty(panel.FindAll("[data-testid=tiering-panel]"));
        Assert.Equal("", panel.Markup.Trim());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed record PanelUser(string Name) : IWorkbenchUser;
}
