using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Admin;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>/admin/grants rendered by bUnit over the Accounts-mode app's real grant store and evaluator, as its administrator.</summary>
public sealed class GrantsPageTests : MudComponentTest, IClassFixture<GovernanceAdminApp>
{
    private readonly GovernanceAdminApp _app;

    public GrantsPageTests(GovernanceAdminApp app)
    {
        _app = app;
        app.AddTo(Context);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Granting_select_on_a_schema_to_a_group_lets_its_member_read_a_table_and_revoking_takes_it_away()
    {
        var table = await _app.TableAsync();
        var group = CatalogTestData.Unique("readers");
        var user = CatalogTestData.Unique("bob");
        await _app.Groups.CreateGroupAsync(AccountsApp.AdminName, group);
        await _app.Groups.AddMemberAsync(AccountsApp.AdminName, group, user);
        Assert.False(await _app.Privileges.CanSelectAsync(user, table));
        var page = Render<Grants>();

        GrantToGroup(page, table.Catalog, group, "USE CATALOG");
        GrantToGroup(page, $"{table.Catalog}.sales", group, "USE SCHEMA", "SELECT");

        Assert.True(await _app.Privileges.CanSelectAsync(user, table));
        var grants = page.Find($"[aria-label='Grants on schema {table.Catalog}.sales']").TextContent;
        Assert.Contains("SELECT", grants);
        Assert.Contains($"group {group}", grants);

        page.Button($"Revoke SELECT on schema {table.Catalog}.sales from group {group}").Click();
        page.WaitForAssertion(() => Assert.Contains($"Revoked SELECT on schema {table.Catalog}.sales from group {group}.", page.Alert("status")), AdminPageQueries.Patience);
        Assert.False(await _app.Privileges.CanSelectAsync(user, table));
        Assert.DoesNotContain(await _app.Grants.ListAsync(AccountsApp.AdminName, Securable.Of(table with { Table = null }), Principal.Group(group)),
            g => g.Privilege == Privilege.Select);
        var audited = (await _app.AuditedAsync(table.Catalog)).Reverse().Select(e => (e.User, e.Action, e.Target, e.Outcome, e.Details)).ToList();
        Assert.Equal(
        [
            (AccountsApp.AdminName, AuditAction.Grant, table.Catalog, AuditOutcome.Succeeded, $"GRANT USE CATALOG ON CATALOG {table.Catalog} TO GROUP {group}"),
            (AccountsApp.AdminName, AuditAction.Grant, $"{table.Catalog}.sales", AuditOutcome.Succeeded, $"GRANT USE SCHEMA, SELECT ON SCHEMA {table.Catalog}.sales TO GROUP {group}"),
            (AccountsApp.AdminName, AuditAction.Revoke, $"{table.Catalog}.sales", AuditOutcome.Succeeded, $"REVOKE SELECT ON SCHEMA {table.Catalog}.sales FROM GROUP {group}"),
        ], audited);
    }

    [Fact]
    public async Task By_principal_lists_a_groups_grants_and_explains_a_users_effective_privileges()
    {
        var table = await _app.TableAsync();
        var group = CatalogTestData.Unique("readers");
        var user = CatalogTestData.Unique("bob");
        await _app.Groups.CreateGroupAsync(AccountsApp.AdminName, group);
        await _app.Groups.AddMemberAsync(AccountsApp.AdminName, group, user);
        var schema = Securable.Of(table with { Table = null });
        await _app.Grants.GrantAsync(AccountsApp.AdminName, [Privilege.Select], schema, Principal.Group(group));
        var page = Render<Grants>();

        page.FindAll("[role=tab]").First(t => t.TextContent.Trim() == "By principal").Click();
        page.WaitForAssertion(() => page.Field("User or group"), AdminPageQueries.Patience);
        page.Field("User or group").Change(user);
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => page.Field("On securable"), AdminPageQueries.Patience);
        page.Field("On securable").Change(table.ToString());
        page.Button("Explain").Click();

        page.WaitForAssertion(() => Assert.Contains(
            $"SELECT from group {group} on schema {table.Catalog}.sales",
            page.Find("[aria-label='Effective privileges']").TextContent), AdminPageQueries.Patience);
    }

    [Fact]
    public void A_privilege_that_does_not_apply_is_not_offered_and_a_bad_name_is_explained_in_place()
    {
        var page = Render<Grants>();

        page.Field("Securable").Change("main.sales.orders.id");
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => Assert.Contains("names a column", page.Alert("alert")), AdminPageQueries.Patience);

        page.Field("Securable").Change("main.sales.orders");
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => page.CheckBox("SELECT"), AdminPageQueries.Patience);
        Assert.DoesNotContain(page.FindAll("label"), l => l.TextContent.Trim() is "USE CATALOG" or "USE SCHEMA" or "CREATE TABLE");
    }

    [Fact]
    public async Task Granting_to_a_group_that_does_not_exist_is_refused_in_place()
    {
        var table = await _app.TableAsync();
        var page = Render<Grants>();

        page.Field("Securable").Change($"{table.Catalog}.sales");
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => page.CheckBox("SELECT"), AdminPageQueries.Patience);
        page.Field("Grantee").Change("nobody_here");
        page.CheckBox("SELECT").Change(true);
        page.Button("Grant").Click();

        page.WaitForAssertion(() => Assert.Contains("Group 'nobody_here' does not exist", page.Alert("alert")), AdminPageQueries.Patience);
        var refused = Assert.Single(await _app.AuditedAsync($"{table.Catalog}.sales"));
        Assert.Equal((AuditAction.Grant, AuditOutcome.Failed), (refused.Action, refused.Outcome));
        Assert.StartsWith($"GRANT SELECT ON SCHEMA {table.Catalog}.sales TO GROUP nobody_here\n-- ", refused.Details);
    }

    [Fact]
    public async Task A_grant_by_someone_who_may_not_grant_is_audited_as_denied()
    {
        var table = await _app.TableAsync();
        var outsider = CatalogTestData.Unique("eve");
        await using var context = new BunitContext();
        _app.AddTo(context, outsider);
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = context.Render<Grants>();

        page.Field("Securable").Change($"{table.Catalog}.sales");
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => page.CheckBox("SELECT"), AdminPageQueries.Patience);
        page.Field("Grantee").Change(outsider);
        page.CheckBox("SELECT").Change(true);
        page.Button("Grant").Click();

        page.WaitForAssertion(() => Assert.Contains("permission denied", page.Alert("alert")), AdminPageQueries.Patience);
        var denied = Assert.Single(await _app.AuditedAsync($"{table.Catalog}.sales"));
        Assert.Equal((outsider, AuditAction.Grant, AuditOutcome.Denied), (denied.User, denied.Action, denied.Outcome));
    }

    private static void GrantToGroup(IRenderedComponent<Grants> page, string securable, string group, params string[] privileges)
    {
        page.Field("Securable").Change(securable);
        page.Button("Show grants").Click();
        page.WaitForAssertion(() => page.CheckBox(privileges[0]), AdminPageQueries.Patience);
        page.Field("Grantee").Change(group);
        foreach (var privilege in privileges)
        {
            page.CheckBox(privilege).Change(true);
        }

        page.Button("Grant").Click();
        page.WaitForAssertion(() => Assert.Contains($"Granted {string.Join(", ", privileges)} on", page.Alert("status")), AdminPageQueries.Patience);
    }
}
