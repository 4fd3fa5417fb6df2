using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

public sealed class GroupDirectoryTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Administrators_manage_groups_and_members(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var group = CatalogTestData.Unique("finance");
        var carol = CatalogTestData.Unique("Carol");

        await g.Groups.CreateGroupAsync(admin, group, "Finance team");
        await g.Groups.AddMemberAsync(admin, group, carol);
        await g.Groups.AddMemberAsync(admin, group.ToUpperInvariant(), carol.ToLowerInvariant());

        var listed = Assert.Single(await g.Groups.ListGroupsAsync(), x => x.Name == group);
        Assert.Equal(("Finance team", false), (listed.Description, listed.IsRole));
        Assert.Equal([carol], listed.Members);
        Assert.Equal([group], await g.Groups.GroupsOfAsync(carol.ToUpperInvariant()));

        await g.Groups.RemoveMemberAsync(admin, group, carol);
        Assert.Empty(await g.Groups.GroupsOfAsync(carol));
        await g.Groups.DeleteGroupAsync(admin, group);
        Assert.DoesNotContain(await g.Groups.ListGroupsAsync(), x => x.Name == group);
    }

    [Theory, CatalogProviders]
    public async Task Non_administrators_cannot_change_groups(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var analyst = await g.UserAsync(admin, RoleGroups.Analyst);

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => g.Groups.AddMemberAsync(analyst, RoleGroups.Admin, analyst));
        Assert.Contains("administrators", denied.Message);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => g.Groups.CreateGroupAsync(analyst, CatalogTestData.Unique("mine")));
        Assert.DoesNotContain(RoleGroups.Admin, await g.Groups.GroupsOfAsync(analyst));
    }

    [Theory, CatalogProviders]
    public async Task Roles_cannot_be_deleted_and_bad_names_are_refused(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();

        await Assert.ThrowsAsync<GovernanceException>(() => g.Groups.DeleteGroupAsync(admin, RoleGroups.Analyst));
        var bad = await Assert.ThrowsAsync<GovernanceException>(() => g.Groups.CreateGroupAsync(admin, "no spaces; DROP"));
        Assert.Contains("letters, digits and underscores", bad.Message);
        await Assert.ThrowsAsync<GovernanceException>(() => g.Groups.CreateGroupAsync(admin, RoleGroups.Viewer.ToUpperInvariant()));
        await Assert.ThrowsAsync<GovernanceException>(() => g.Groups.AddMemberAsync(admin, "no_such_group", "ana"));
    }

    [Theory, CatalogProviders]
    public async Task The_first_administrator_is_added_once_and_the_last_cannot_leave(CatalogProvider provider)
    {
        // A database of its own: the class database already has administrators.
        await using var services = await databases.CreateMigratedAsync(provider);
        var g = Governed.Over(services);

        Assert.True(await g.Groups.AddFirstAdministratorAsync("root"));
        Assert.False(await g.Groups.AddFirstAdministratorAsync("intruder"));
        Assert.False(await g.Privileges.IsAdminAsync("intruder"));
        var last = await Assert.ThrowsAsync<GovernanceException>(() => g.Groups.RemoveMemberAsync("root", RoleGroups.Admin, "root"));
        Assert.Contains("last administrator", last.Message);
    }
}
