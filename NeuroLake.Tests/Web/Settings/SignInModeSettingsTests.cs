using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;
using SettingsPage = NeuroLake.Web.Components.Pages.Admin.Settings;

namespace NeuroLake.Tests.Web.Settings;

/// <summary>
/// The Sign-in section of Admin → Settings rendered by bUnit over a real workbench: turning sign-in off asks a
/// confirmation that says anyone reaching the port becomes an administrator; turning it on is refused while no
/// enabled administrator can sign in, and otherwise names who can.
/// </summary>
public sealed class SignInModeSettingsTests : MudComponentTest
{
    private WorkbenchAppFactory? _app;

    private SettingsStore Store => _app!.Services.GetRequiredService<SettingsStore>();

    [Fact]
    public async Task Turning_sign_in_off_asks_first_and_cancelling_keeps_it_on()
    {
        await StartAsync(AccountsApp.Create(withAdmin: true), AccountsApp.AdminName);
        var providers = RenderProviders();
        var page = Render<SettingsPage>();
        Assert.Contains("Multi-user sign-in.", page.Find("[data-testid=auth-mode]").TextContent);

        page.Button("Switch to single-user mode (no sign-in)").Click();
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);
        Assert.Contains(SignInModeSwitch.SingleUserWarning, question.TextContent);
        Assert.Contains("anyone who can reach this workbench's port becomes an administrator without a password", question.TextContent);
        question.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Keep sign-in").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), AdminPageQueries.Patience);
        Assert.Equal(AuthMode.Accounts, Store.Current.AuthMode);
        Assert.Empty(await AuditedAsync());
    }

    [Fact]
    public async Task Confirming_turns_sign_in_off_at_once_audited_under_the_administrator()
    {
        await StartAsync(AccountsApp.Create(withAdmin: true), AccountsApp.AdminName);
        var providers = RenderProviders();
        var page = Render<SettingsPage>();

        page.Button("Switch to single-user mode (no sign-in)").Click();
        providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience)
            .QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Turn sign-in off").Click();

        page.WaitForAssertion(() => Assert.Contains("Sign-in is off", page.Alert("status")), AdminPageQueries.Patience);
        Assert.Equal(AuthMode.Single, Store.Current.AuthMode);
        Assert.Contains("Single-user mode — no sign-in.", page.Find("[data-testid=auth-mode]").TextContent);
        var audited = Assert.Single(await AuditedAsync());
        Assert.Equal((AccountsApp.AdminName, AuditOutcome.Succeeded, "Sign-in mode: Accounts → Single"), (audited.User, audited.Outcome, audited.Details));
    }

    [Fact]
    public async Task Turning_sign_in_on_without_an_administrator_who_can_sign_in_is_refused_in_place()
    {
        await StartAsync(new WorkbenchAppFactory(), "grace");
        var providers = RenderProviders();
        var page = Render<SettingsPage>();

        page.Button("Turn on multi-user sign-in").Click();

        page.WaitForAssertion(() => Assert.Contains("create one first", page.Alert("alert")), AdminPageQueries.Patience);
        Assert.Contains("needs an enabled administrator account with a password", page.Alert("alert"));
        Assert.Empty(providers.FindAll(".mud-dialog"));
        Assert.Equal(AuthMode.Single, Store.Current.AuthMode);
    }

    [Fact]
    public async Task Turning_sign_in_on_names_who_can_sign_in_then_sends_this_user_to_sign_in()
    {
        await StartAsync(new WorkbenchAppFactory(), "grace");
        var accounts = _app!.Services.GetRequiredService<AccountDirectory>();
        Assert.True((await accounts.CreateAsync("ada", "Correct-horse-9", CancellationToken.None)).Succeeded);
        await _app.Services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync("ada");
        var providers = RenderProviders();
        var page = Render<SettingsPage>();

        page.Button("Turn on multi-user sign-in").Click();
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);
        Assert.Contains("everyone must sign in, you too: as ada", question.TextContent);
        question.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Turn sign-in on").Click();

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/account/signin", navigation.Uri), AdminPageQueries.Patience);
        Assert.Equal(AuthMode.Accounts, Store.Current.AuthMode);
        var audited = Assert.Single(await AuditedAsync());
        Assert.Equal(("grace", AuditOutcome.Succeeded, "Sign-in mode: Single → Accounts"), (audited.User, audited.Outcome, audited.Details));
    }

    private async Task StartAsync(WorkbenchAppFactory app, string user)
    {
        _app = app;
        _ = app.Server;
        // The Accounts-mode app's administrator is in group admin once first-run setup ran; make sure before the page asks.
        if (app.Services.GetRequiredService<SignInMode>().Current == AuthMode.Accounts)
        {
            await app.Services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(user);
        }

        Context.AddSettingsPage(app.Services, user);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditedAsync() =>
        (await _app!.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "setting AuthMode" })).Entries;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
