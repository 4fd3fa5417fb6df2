using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

public sealed class GrantStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Grant_then_revoke_takes_the_privilege_away_and_lists_what_is_granted(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var bob = CatalogTestData.Unique("bob");
        var table = await g.TableAsync(admin);

        await g.Grants.GrantAsync(admin, [Privilege.UseCatalog], new Securable(new SecurablePath(table.Catalog)), Principal.User(bob));
        await g.Grants.GrantAsync(admin, [Privilege.UseSchema], new Securable(new SecurablePath(table.Catalog, table.Schema)), Principal.User(bob));
        await g.Grants.GrantAsync(admin, [Privilege.Select, Privilege.Select], Securable.Of(table), Principal.User(bob));
        Assert.True(await g.Privileges.CanSelectAsync(bob, table));
        var onTable = await g.Grants.ListAsync(admin, on: Securable.Of(table));
        var grant = Assert.Single(onTable);
        Assert.Equal((Principal.User(bob), Privilege.Select, admin), (grant.Principal, grant.Privilege, grant.GrantedBy));
        Assert.Equal(3, (await g.Grants.ListAsync(admin, to: Principal.User(bob))).Count);

        Assert.Equal(1, await g.Grants.RevokeAsync(admin, [Privilege.Select], Securable.Of(table), Principal.User(bob)));
        Assert.False(await g.Privileges.CanSelectAsync(bob, table));
        Assert.Equal(0, await g.Grants.RevokeAsync(admin, [Privilege.Select], Securable.Of(table), Principal.User(bob)));
    }

    [Theory, CatalogProviders]
    public async Task Owners_of_an_ancestor_may_grant_and_others_may_not(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var owner = CatalogTestData.Unique("owner");
        var table = await g.TableAsync(owner);
        var schemaOwnerOnly = new Securable(new SecurablePath(table.Catalog, table.Schema));
        var stranger = CatalogTestData.Unique("stranger");

        await g.Grants.GrantAsync(owner, [Privilege.Select], Securable.Of(table), Principal.User(stranger));
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            g.Grants.GrantAsync(stranger, [Privilege.Modify], Securable.Of(table), Principal.User(stranger)));
        Assert.Contains($"table {table} needs OWNERSHIP", denied.Message);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => g.Grants.GrantAsync(stranger, [Privilege.Select], schemaOwnerOnly, Principal.User(stranger)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => g.Grants.GrantAsync(owner, [Privilege.Select], Securable.Metastore, Principal.User(stranger)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => g.Grants.SetOwnerAsync(stranger, table, Principal.User(stranger)));
    }

    [Theory, CatalogProviders]
    public async Task Ownership_moves_with_alter_owner(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var first = CatalogTestData.Unique("first");
        var second = CatalogTestData.Unique("second");
        var table = await g.TableAsync(first);

        await g.Grants.SetOwnerAsync(first, new SecurablePath(table.Catalog), Principal.User(second));

        Assert.Contains(await g.Privileges.ExplainAsync(second, Securable.Of(table)), p => p.Reason == $"ALL PRIVILEGES as owner of catalog {table.Catalog}");
    }

    [Theory, CatalogProviders]
    public async Task Granting_to_an_unknown_group_or_an_inapplicable_privilege_says_what_to_fix(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var table = await g.TableAsync(admin);

        var unknown = await Assert.ThrowsAsync<GovernanceException>(() =>
            g.Grants.GrantAsync(admin, [Privilege.Select], Securable.Of(table), Principal.Group("no_such_group")));
        Assert.Contains("Group 'no_such_group' does not exist", unknown.Message);
        var misplaced = await Assert.ThrowsAsync<GovernanceException>(() =>
            g.Grants.GrantAsync(admin, [Privilege.CreateSchema], Securable.Of(table), Principal.Group(RoleGroups.Analyst)));
        Assert.Contains("CREATE SCHEMA cannot be granted on a table", misplaced.Message);
        var missing = await Assert.ThrowsAsync<GovernanceException>(() =>
            g.Grants.GrantAsync(admin, [Privilege.Select], Securable.Of(table with { Table = "nope" }), Principal.Group(RoleGroups.Analyst)));
        Assert.Contains("does not exist", missing.Message);
    }

    [Theory, CatalogProviders]
    public async Task Non_administrators_see_only_grants_to_them_and_on_what_they_own(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var ana = CatalogTestData.Unique("ana");
        var bob = CatalogTestData.Unique("bob");
        var table = await g.TableAsync(admin);
        await g.Grants.GrantAsync(admin, [Privilege.Select], Securable.Of(table), Principal.User(ana));
        await g.Grants.GrantAsync(admin, [Privilege.Modify], Securable.Of(table), Principal.User(bob));

        var seen = await g.Grants.ListAsync(ana, on: Securable.Of(table));

        Assert.Equal([ana], seen.Select(s => s.Principal.Name));
        Assert.Equal(2, (await g.Grants.ListAsync(admin, on: Securable.Of(table))).Count);
    }
}
