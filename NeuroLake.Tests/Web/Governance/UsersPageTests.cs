using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
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

    [Fact]
    public async Task Each_account_shows_its_roles_and_groups()
    {
        var user = CatalogTestData.Unique("dora");
        Assert.True((await _app.Accounts.CreateAsync(user, Password, CancellationToken.None)).Succeeded);
        await _app.Groups.AddMemberAsync(AccountsApp.AdminName, RoleGroups.Engineer, user);
        await _app.Groups.AddMemberAsync(AccountsApp.AdminName, RoleGroups.Viewer, user);

        var page = Render<Users>();

        page.WaitForAssertion(() => Assert.Equal(["engineer", "viewer"], RolesOf(page, user)), AdminPageQueries.Patience);
        Assert.Contains("admin", RolesOf(page, AccountsApp.AdminName));
        Assert.Equal("Roles and groups", page.FindAll("th").Select(th => th.TextContent.Trim()).ElementAt(1));
    }

    [Fact]
    public async Task Deleting_asks_first_naming_the_user_and_what_passes_to_the_administrator_then_deletes_audited()
    {
        var user = CatalogTestData.Unique("eve");
        Assert.True((await _app.Accounts.CreateAsync(user, Password, CancellationToken.None)).Succeeded);
        var eve = (await _app.Accounts.ListAsync(CancellationToken.None)).Single(a => a.UserName == user);
        await _app.Tokens.CreateAsync(eve.Id, "nightly", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var table = await _app.TableAsync();
        await _app.Grants.SetOwnerAsync(AccountsApp.AdminName, table, Principal.User(user));
        var providers = RenderProviders();
        var page = Render<Users>();

        page.WaitForAssertion(() => page.Button($"Delete {user}").Click(), AdminPageQueries.Patience);
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);
        Assert.Contains($"Delete the account {user}?", question.TextContent);
        Assert.Contains("their 1 access token(s) are deleted", question.TextContent);
        Assert.Contains($"What they own passes to you ({AccountsApp.AdminName}): table {table}", question.TextContent);
        question.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), AdminPageQueries.Patience);
        Assert.Contains(await _app.Accounts.ListAsync(CancellationToken.None), a => a.UserName == user);

        page.Button($"Delete {user}").Click();
        providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience)
            .QuerySelectorAll("button").Single(b => b.TextContent.Trim() == $"Delete {user}").Click();

        page.WaitForAssertion(() => Assert.Contains($"Deleted {user}", page.Alert("status")), AdminPageQueries.Patience);
        Assert.DoesNotContain(await _app.Accounts.ListAsync(CancellationToken.None), a => a.UserName == user);
        Assert.Empty(await _app.Tokens.ListAsync(eve.Id, CancellationToken.None));
        Assert.Equal(AccountsApp.AdminName, (await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(table))!.Owner);
        var audited = Assert.Single(await _app.AuditedAsync("account " + user), e => e.Details.StartsWith("deleted the account", StringComparison.Ordinal));
        Assert.Equal((AccountsApp.AdminName, AuditOutcome.Succeeded), (audited.User, audited.Outcome));
        Assert.Contains($"owns table {table}", audited.Details);
    }

    [Fact]
    public void The_signed_in_administrator_is_offered_no_delete_of_their_own_account()
    {
        var page = Render<Users>();

        page.WaitForElement("[aria-label='Users']", AdminPageQueries.Patience);

        Assert.DoesNotContain(page.FindAll("button"), b => b.GetAttribute("aria-label") == $"Delete {AccountsApp.AdminName}");
    }

    private static List<string> RolesOf(IRenderedComponent<Users> page, string user) =>
        page.FindAll("tr").First(tr => tr.QuerySelector("td")?.TextContent.Trim() == user)
            .QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();

    private async Task LockOutAsync(string user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        var account = await users.FindByNameAsync(user);
        await users.SetLockoutEndDateAsync(account!, DateTimeOffset.UtcNow.AddHours(1));
    }
}
