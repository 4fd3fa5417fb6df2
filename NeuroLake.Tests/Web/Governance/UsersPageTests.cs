using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Admin;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>/admin/users rendered by bUnit over the Accounts-mode app's real accounts, as its administrator: every change is audited.</summary>
public sealed class UsersPageTests : MudComponentTest, IClassFixture<GovernanceAdminApp>
{
    private const string Password = "Initial-pass-1";
    private readonly GovernanceAdminApp _app;

    public UsersPageTests(GovernanceAdminApp app)
    {
        _app = app;
        app.AddTo(Context);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Adding_disabling_enabling_resetting_and_unlocking_an_account_are_each_audited_by_the_administrator()
    {
        var user = CatalogTestData.Unique("carol");
        var page = Render<Users>();
        page.WaitForElement("[aria-label='Users']", AdminPageQueries.Patience);

        page.Field("User name").Change(user);
        page.Field("Initial password").Change(Password);
        page.Button("Add user").Click();
        page.WaitForAssertion(() => Assert.Contains($"Added {user}.", page.Alert("status")), AdminPageQueries.Patience);
        page.Button($"Disable {user}").Click();
        page.WaitForAssertion(() => Assert.Contains($"Disabled {user}", page.Alert("status")), AdminPageQueries.Patience);
        page.Button($"Enable {user}").Click();
        page.WaitForAssertion(() => Assert.Contains($"Enabled {user}.", page.Alert("status")), AdminPageQueries.Patience);
        page.Button($"Reset password of {user}").Click();
        page.Field("New password").Change("Replaced-pass-2");
        page.Button("Set password").Click();
        page.WaitForAssertion(() => Assert.Contains($"Set a new password for {user}.", page.Alert("status")), AdminPageQueries.Patience);
        await LockOutAsync(user);
        page = Render<Users>();
        page.WaitForAssertion(() => page.Button($"Unlock {user}").Click(), AdminPageQueries.Patience);
        page.WaitForAssertion(() => Assert.Contains($"Unlocked {user}.", page.Alert("status")), AdminPageQueries.Patience);

        var audited = (await _app.AuditedAsync("account " + user)).Reverse().Select(e => (e.User, e.Action, e.Target, e.Outcome, e.Details)).ToList();
        Assert.Equal(
        [
            (AccountsApp.AdminName, AuditAction.AdminChange, "account " + user, AuditOutcome.Succeeded, "created the account"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "account " + user, AuditOutcome.Succeeded, "disabled the account (sessions ended, tokens stopped)"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "account " + user, AuditOutcome.Succeeded, "enabled the account"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "account " + user, AuditOutcome.Succeeded, "reset the password"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "account " + user, AuditOutcome.Succeeded, "unlocked the account"),
        ], audited);
        Assert.DoesNotContain(audited, e => e.Details.Contains("pass-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_account_is_audited_as_failed_with_the_reason()
    {
        var page = Render<Users>();
        page.WaitForElement("[aria-label='Users']", AdminPageQueries.Patience);

        page.Field("User name").Change(AccountsApp.AdminName);
        page.Field("Initial password").Change(Password);
        page.Button("Add user").Click();

        page.WaitForAssertion(() => Assert.Contains("already taken", page.Alert("alert")), AdminPageQueries.Patience);
        var refused = (await _app.AuditedAsync("account " + AccountsApp.AdminName)).First(e => e.Details.StartsWith("created the account", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Failed, refused.Outcome);
        Assert.Contains("already taken", refused.Details);
    }

    private async Task LockOutAsync(string user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        var account = await users.FindByNameAsync(user);
        await users.SetLockoutEndDateAsync(account!, DateTimeOffset.UtcNow.AddHours(1));
    }
}
