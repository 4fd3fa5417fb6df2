using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

/// <summary>GRANT, REVOKE, SHOW GRANTS and ALTER ... OWNER TO in SQL.</summary>
public sealed class GrantStatementTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Grant_show_grants_and_revoke_round_trip(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var ana = await q.UserAsync();

        var granted = await q.RunAsync(q.Admin, $"GRANT SELECT, MODIFY ON TABLE sales.orders TO USER '{ana}'");
        await q.RunAsync(q.Admin, "GRANT USE SCHEMA ON SCHEMA sales TO GROUP viewer");

        Assert.Equal(StatementKind.Grant, granted[0].Kind);
        var shown = await q.RunAsync(q.Admin, "SHOW GRANTS ON TABLE sales.orders");
        Assert.Equal(["principal", "principal_type", "privilege", "object_type", "object_name", "granted_by", "granted_at"], shown[0].Columns.Select(c => c.Name));
        Assert.Equal(
            [[ana, "USER", "SELECT", "TABLE", "main.sales.orders"], [ana, "USER", "MODIFY", "TABLE", "main.sales.orders"]],
            shown[0].Rows.Select(r => r.Take(5).ToArray()));
        var toViewer = await q.RowsAsync(q.Admin, "SHOW GRANTS TO viewer");
        Assert.Contains(toViewer, r => (string)r[2]! == "USE SCHEMA" && (string?)r[4] == "main.sales");
        Assert.Contains(toViewer, r => (string)r[2]! == "USE CATALOG" && (string)r[3]! == "METASTORE");
        Assert.Contains(await q.RowsAsync(ana, "SHOW GRANTS"), r => (string)r[0]! == ana);

        var revoked = await q.RunAsync(q.Admin, $"REVOKE ALL PRIVILEGES ON TABLE sales.orders FROM USER '{ana}'");
        Assert.Equal(2, revoked[0].RowsAffected);
        Assert.Empty(await q.RowsAsync(q.Admin, "SHOW GRANTS ON TABLE sales.orders"));
    }

    [Theory, CatalogProviders]
    public async Task Only_owners_and_administrators_grant(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var engineer = await q.UserAsync(RoleGroups.Engineer);
        var friend = await q.UserAsync();

        Assert.Contains("needs OWNERSHIP", await q.RefusedAsync(engineer, $"GRANT SELECT ON TABLE sales.orders TO {friend}"));
        Assert.Contains("administrators", await q.RefusedAsync(engineer, $"GRANT SELECT ON METASTORE TO {friend}"));
        Assert.Contains("needs OWNERSHIP", await q.RefusedAsync(engineer, $"ALTER TABLE sales.orders OWNER TO {engineer}"));

        await q.RunAsync(engineer, "CREATE TABLE sales.own AS SELECT 1 AS x");
        Assert.Contains("needs OWNERSHIP", await q.RefusedAsync(engineer, $"GRANT USE CATALOG ON CATALOG main TO {friend}"));
        Assert.Contains("needs OWNERSHIP", await q.RefusedAsync(engineer, $"GRANT USE SCHEMA ON SCHEMA sales TO {friend}"));
        await q.RunAsync(q.Admin, $"GRANT USE CATALOG ON CATALOG main TO {friend}; GRANT USE SCHEMA ON SCHEMA sales TO {friend}");
        await q.RunAsync(engineer, $"GRANT SELECT ON sales.own TO {friend}");

        Assert.Equal([1], (await q.RowsAsync(friend, "SELECT x FROM sales.own"))[0].Select(Convert.ToInt32));
    }

    [Theory, CatalogProviders]
    public async Task Malformed_statements_and_unknown_groups_are_refused_with_the_form_to_write(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);

        Assert.Contains("Group 'no_such_group' does not exist", await q.RefusedAsync(q.Admin, "GRANT SELECT ON TABLE sales.orders TO GROUP no_such_group"));
        Assert.Contains("'FLY' is not a privilege", await q.RefusedAsync(q.Admin, "GRANT FLY ON TABLE sales.orders TO bob"));
        Assert.Contains("Write GRANT SELECT", await q.RefusedAsync(q.Admin, "GRANT SELECT sales.orders TO bob"));
        Assert.Contains("Write REVOKE SELECT", await q.RefusedAsync(q.Admin, "REVOKE SELECT ON TABLE sales.orders TO bob"));
        Assert.Contains("CREATE SCHEMA cannot be granted on a table", await q.RefusedAsync(q.Admin, "GRANT CREATE SCHEMA ON TABLE sales.orders TO bob"));
        Assert.Contains("does not exist", await q.RefusedAsync(q.Admin, "GRANT SELECT ON TABLE sales.nope TO bob"));
        Assert.Contains("is not expected here", await q.RefusedAsync(q.Admin, "SHOW GRANTS ON TABLE sales.orders TO bob extra"));
    }
}
