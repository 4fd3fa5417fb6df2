using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Backups;
using NeuroLake.Web.Components;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;
using NeuroLake.Web.Notifications;
using BackupsPage = NeuroLake.Web.Components.Pages.Backups.Backups;

namespace NeuroLake.Tests.Web.Backups;

/// <summary>
/// The Backups page against the real app: an administrator sees the sets newest first and restores a table in place
/// through the wizard, which warns of the safety backup before the confirm; anyone else gets the administrators' refusal.
/// </summary>
public sealed class BackupsPageTests : MudComponentTest, IClassFixture<WorkbenchAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly WorkbenchAppFactory _app;

    public BackupsPageTests(WorkbenchAppFactory app)
    {
        _app = app;
        var scope = app.Services.CreateScope().ServiceProvider;
        Context.Services.AddSingleton(app.Services.GetRequiredService<LakehouseBackups>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<JobScheduler>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<JobRunStore>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<AuditLog>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<RestorePlanner>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<IOptions<NeuroLakeOptions>>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<SignInMode>());
        Context.Services.AddSingleton(scope.GetRequiredService<IWorkbenchUser>());
        Context.Services.AddSingleton(scope.GetRequiredService<NotificationInbox>());
        Context.Services.AddScoped<UserClock>();
    }

    private LakehouseBackups Sets => _app.Services.GetRequiredService<LakehouseBackups>();

    [Fact]
    public async Task An_administrator_sees_the_sets_newest_first_with_their_tables()
    {
        await CreateTableAsync("bkp_page", "listed");
        var older = await Sets.BackupAsync(CancellationToken.None);
        var newer = await Sets.BackupAsync(CancellationToken.None);
        AsAdministrator();

        var page = Render<BackupsPage>();

        page.WaitForAssertion(() => Assert.Contains(newer.SetId, page.Markup), Patience);
        var rows = page.FindAll("tr[data-set]").Select(r => r.GetAttribute("data-set")).ToList();
        Assert.True(rows.IndexOf(newer.SetId) < rows.IndexOf(older.SetId), "the newer set is listed first");
        Assert.Contains("main.bkp_page.listed", page.Find($"tr[data-set='{newer.SetId}']").TextContent);
        Assert.Contains("unverified", page.Find($"tr[data-set='{newer.SetId}']").TextContent);
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Back up now");
        Assert.DoesNotContain(_app.DataDirectory, page.Markup);
    }

    [Fact]
    public async Task The_in_place_path_of_the_restore_wizard_warns_of_the_safety_backup_before_the_confirm_and_restores()
    {
        await CreateTableAsync("bkp_wizard", "people");
        var set = await Sets.BackupAsync(CancellationToken.None);
        await SqlAsync("DELETE FROM bkp_wizard.people WHERE id < 2");
        Assert.Equal(3L, Convert.ToInt64(await SqlAsync("SELECT count(*) AS n FROM bkp_wizard.people")));
        AsAdministrator();
        RenderProviders();
        var page = Render<BackupsPage>();
        page.WaitForAssertion(() => Assert.Contains(set.SetId, page.Markup), Patience);

        page.Find($"button[aria-label='Restore from {set.SetId}']").Click();
        Button(page, "Next").Click();
        page.FindAll("input[type=checkbox]").Single(i => i.Closest("label")!.TextContent.Contains("main.bkp_wizard.people", StringComparison.Ordinal)).Change(true);
        Button(page, "Next").Click();
        Button(page, "In place").Click();

        Assert.Contains("A safety backup of the whole lakehouse is taken first", page.Find("[data-testid=safety-warning]").TextContent);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Confirm", StringComparison.Ordinal));
        Button(page, "Next").Click();
        page.WaitForAssertion(() => Assert.Contains("A safety backup of the whole lakehouse is taken", page.Find("[data-testid=restore-preview]").TextContent), Patience);
        page.FindAll("button").Single(b => b.TextContent.Contains("Confirm: back up, then restore in place", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("holds the set's rows", page.Markup), Patience);
        Assert.Equal(5L, Convert.ToInt64(await SqlAsync("SELECT count(*) AS n FROM bkp_wizard.people")));
        Assert.Contains("Safety backup", (await Sets.ListAsync(CancellationToken.None))[0].Label);
    }

    [Fact]
    public void Someone_who_is_not_an_administrator_gets_the_administrators_refusal_and_no_link()
    {
        Context.AddAuthorization().SetAuthorized("analyst");
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("backups");

        var routes = Render<Routes>();

        routes.WaitForAssertion(() => Assert.Contains("This page is for workbench administrators", routes.Markup), Patience);
        Assert.DoesNotContain("Back up now", routes.Markup);
        Assert.Empty(routes.FindAll("a[href='backups']"));
    }

    private void AsAdministrator()
    {
        Context.AddAuthorization().SetAuthorized("tester").SetPolicies(WorkbenchRoles.AdminPolicy);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<BackupsPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private async Task CreateTableAsync(string schema, string table) =>
        await SqlAsync($"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE {schema}.{table} AS SELECT range AS id FROM range(5)");

    /// <summary>Runs SQL as the app's user; returns the first value of the last statement's first row, if any.</summary>
    private async Task<object?> SqlAsync(string sql)
    {
        var user = _app.Services.CreateScope().ServiceProvider.GetRequiredService<IWorkbenchUser>().Name;
        var results = await _app.Services.GetRequiredService<QueryService>().ExecuteAsync(sql, new QueryRequest(user));
        return results[^1].Rows is [var first, ..] ? first[0] : null;
    }
}
