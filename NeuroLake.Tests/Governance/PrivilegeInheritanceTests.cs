using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

public sealed class PrivilegeInheritanceTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task The_role_groups_are_seeded_with_their_default_grants_on_the_metastore(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var groups = await g.Groups.ListGroupsAsync();
        Assert.Equal(RoleGroups.All.Order(), groups.Where(x => x.IsRole).Select(x => x.Name).Order());

        var analyst = await g.UserAsync(admin, RoleGroups.Analyst);
        var viewer = await g.UserAsync(admin, RoleGroups.Viewer);
        var engineer = await g.UserAsync(admin, RoleGroups.Engineer);
        var table = await g.TableAsync(owner: admin);

        // Analysts read what is granted to them, not every table.
        Assert.False(await g.Privileges.CanSelectAsync(analyst, table));
        Assert.Equal([table], await g.Privileges.FilterVisibleAsync(analyst, [table]));
        await g.Grants.GrantAsync(admin, [Privilege.Select], Securable.Of(new SecurablePath(table.Catalog, table.Schema)), Principal.Group(RoleGroups.Analyst));
        Assert.True(await g.Privileges.CanSelectAsync(analyst, table));
        Assert.False(await g.Privileges.HasAsync(analyst, Securable.Of(table), Privilege.Modify));
        Assert.False(await g.Privileges.CanSelectAsync(viewer, table));
        Assert.Equal([table], await g.Privileges.FilterVisibleAsync(viewer, [table]));
        Assert.True(await g.Privileges.HasAsync(engineer, Securable.Of(table), Privilege.Modify));
        Assert.True(await g.Privileges.HasAsync(engineer, new Securable(new SecurablePath(table.Catalog)), Privilege.CreateSchema));
        Assert.Contains(await g.Privileges.ExplainAsync(analyst, Securable.Of(table)),
            p => p.Privilege == Privilege.Select && p.Reason == $"SELECT from group analyst on schema {table.Catalog}.{table.Schema}");
    }

    [Theory, CatalogProviders]
    public async Task A_grant_on_a_schema_reaches_its_tables_and_no_others(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var team = CatalogTestData.Unique("team");
        await g.Groups.CreateGroupAsync(admin, team);
        var user = await g.UserAsync(admin, team);
        var orders = await g.TableAsync(admin, schema: "sales", table: "orders");
        var returns = await g.TableAsync(admin, catalog: orders.Catalog, schema: "sales", table: "returns");
        var payroll = await g.TableAsync(admin, catalog: orders.Catalog, schema: "hr", table: "payroll");
        Assert.Empty(await g.Privileges.FilterSelectableAsync(user, [orders, returns, payroll]));

        await g.Grants.GrantAsync(admin, [Privilege.UseCatalog], new Securable(new SecurablePath(orders.Catalog)), Principal.Group(team));
        await g.Grants.GrantAsync(admin, [Privilege.UseSchema, Privilege.Select], new Securable(new SecurablePath(orders.Catalog, "sales")), Principal.Group(team));

        Assert.Equal([orders, returns], await g.Privileges.FilterSelectableAsync(user, [orders, returns, payroll]));
        var reasons = await g.Privileges.ExplainAsync(user, Securable.Of(returns));
        Assert.Contains(reasons, p => p.Reason == $"SELECT from group {team} on schema {orders.Catalog}.sales");
        Assert.Contains(reasons, p => p.Reason == $"USE CATALOG from group {team} on catalog {orders.Catalog}");
    }

    [Theory, CatalogProviders]
    public async Task Owners_hold_every_privilege_on_what_they_own_and_below(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var owner = CatalogTestData.Unique("owner");
        var table = await g.TableAsync(owner);

        Assert.True(await g.Privileges.CanSelectAsync(owner, table));
        Assert.True(await g.Privileges.HasAsync(owner, Securable.Of(table), Privilege.Unmask));
        Assert.Contains(await g.Privileges.ExplainAsync(owner, Securable.Of(table)),
            p => p.Reason == $"ALL PRIVILEGES as owner of catalog {table.Catalog}");
    }

    [Theory, CatalogProviders]
    public async Task A_missing_table_is_judged_by_its_ancestors_so_a_refusal_does_not_tell_it_is_missing(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider);
        var admin = await g.AdminAsync();
        var outsider = CatalogTestData.Unique("outsider");
        var table = await g.TableAsync(admin);
        var missing = table with { Table = "no_such_table" };

        Assert.False(await g.Privileges.CanSelectAsync(outsider, table));
        Assert.False(await g.Privileges.CanSelectAsync(outsider, missing));
        Assert.Equal(
            await g.Privileges.ExplainAsync(outsider, Securable.Of(table)),
            await g.Privileges.ExplainAsync(outsider, Securable.Of(missing)));
    }

    [Theory, CatalogProviders]
    public async Task Single_user_mode_allows_everything(CatalogProvider provider)
    {
        var g = await Governed.OpenAsync(databases, provider, AuthMode.Single);
        var table = await g.TableAsync(owner: "someone_else");

        Assert.True(await g.Privileges.IsAdminAsync("anybody"));
        Assert.True(await g.Privileges.CanSelectAsync("anybody", table));
        Assert.Equal([table], await g.Privileges.FilterSelectableAsync("anybody", [table]));
    }
}
