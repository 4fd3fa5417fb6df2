using Bunit;
using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Admin;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>/admin/groups rendered by bUnit over the Accounts-mode app's real group directory, as its administrator.</summary>
public sealed class GroupsPageTests : MudComponentTest, IClassFixture<GovernanceAdminApp>
{
    private readonly GovernanceAdminApp _app;

    public GroupsPageTests(GovernanceAdminApp app)
    {
        _app = app;
        app.AddTo(Context);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task An_administrator_creates_a_group_adds_and_removes_a_member_and_deletes_it()
    {
        var group = CatalogTestData.Unique("readers");
        var user = CatalogTestData.Unique("bob");
        var page = Render<Groups>();
        page.WaitForElement("[aria-label='Groups']", AdminPageQueries.Patience);

        page.Field("Group name").Change(group);
        page.Field("Description").Change("<b>Reads</b> sales");
        page.Button("Create group").Click();
        page.WaitForAssertion(() => Assert.Contains($"Created group {group}.", page.Alert("status")), AdminPageQueries.Patience);
        Assert.Contains("&lt;b&gt;Reads&lt;/b&gt; sales", page.Markup);

        page.Find($"input[aria-label='User to add to {group}'][list='workbench-accounts']").Change(user);
        page.Button($"Add member to {group}").Click();
        page.WaitForAssertion(() => Assert.Contains($"Added {user} to {group}.", page.Alert("status")), AdminPageQueries.Patience);
        Assert.Contains(group, await _app.Groups.GroupsOfAsync(user));

        var chip = page.FindAll(".mud-chip").First(c => c.TextContent.Contains(user, StringComparison.Ordinal));
        chip.QuerySelector("button")!.Click();
        page.WaitForAssertion(() => Assert.Contains($"Removed {user} from {group}.", page.Alert("status")), AdminPageQueries.Patience);
        Assert.DoesNotContain(group, await _app.Groups.GroupsOfAsync(user));

        page.Button($"Delete group {group}").Click();
        page.WaitForAssertion(() => Assert.Contains($"Deleted group {group}", page.Alert("status")), AdminPageQueries.Patience);
        Assert.False(await _app.Groups.GroupExistsAsync(group));
        var audited = (await _app.AuditedAsync("group " + group)).Reverse().Select(e => (e.User, e.Action, e.Target, e.Outcome, e.Details)).ToList();
        Assert.Equal(
        [
            (AccountsApp.AdminName, AuditAction.AdminChange, "group " + group, AuditOutcome.Succeeded, "created the group: <b>Reads</b> sales"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "group " + group, AuditOutcome.Succeeded, $"added member {user}"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "group " + group, AuditOutcome.Succeeded, $"removed member {user}"),
            (AccountsApp.AdminName, AuditAction.AdminChange, "group " + group, AuditOutcome.Succeeded, "deleted the group with its grants"),
        ], audited);
    }

    [Fact]
    public void Role_groups_are_marked_and_offer_no_delete()
    {
        var page = Render<Groups>();
        page.WaitForElement("[aria-label='Groups']", AdminPageQueries.Patience);

        foreach (var role in RoleGroups.All)
        {
            var row = page.FindAll("tr").First(r => r.QuerySelector("strong")?.TextContent == role);
            Assert.Contains("role", row.TextContent);
            Assert.Empty(page.FindAll($"button[aria-label='Delete group {role}']"));
        }
    }

    [Fact]
    public void Accounts_are_offered_as_members()
    {
        var page = Render<Groups>();

        page.WaitForAssertion(() => Assert.Contains(
            page.FindAll("datalist#workbench-accounts option"), o => o.GetAttribute("value") == AccountsApp.AdminName), AdminPageQueries.Patience);
    }

    [Fact]
    public void A_bad_group_name_is_refused_in_place_with_how_to_fix_it()
    {
        var page = Render<Groups>();
        page.WaitForElement("[aria-label='Groups']", AdminPageQueries.Patience);

        page.Field("Group name").Change("<script>x</script>");
        page.Button("Create group").Click();

        page.WaitForAssertion(() => Assert.Contains("use letters, digits and underscores", page.Alert("alert")), AdminPageQueries.Patience);
        Assert.Contains("'<script>x</script>'", page.Alert("alert"));
        Assert.Empty(page.FindAll("script"));
    }

    [Fact]
    public async Task Removing_the_last_administrator_is_refused_in_place()
    {
        var admins = (await _app.Groups.ListGroupsAsync()).Single(g => g.Name == RoleGroups.Admin).Members;
        Assert.Single(admins);
        var page = Render<Groups>();
        page.WaitForElement("[aria-label='Groups']", AdminPageQueries.Patience);

        var chip = page.FindAll(".mud-chip").First(c => c.TextContent.Trim() == admins[0]);
        chip.QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.Contains("last administrator", page.Alert("alert")), AdminPageQueries.Patience);
        Assert.Contains(RoleGroups.Admin, await _app.Groups.GroupsOfAsync(admins[0]));
        var refused = (await _app.AuditedAsync("group " + RoleGroups.Admin)).First(e => e.Details.StartsWith($"removed member {admins[0]}", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Failed, refused.Outcome);
        Assert.Contains("last administrator", refused.Details);
    }
}
