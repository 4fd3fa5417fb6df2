using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

/// <summary>Every kind of statement is refused without its privilege and runs once it is granted.</summary>
public sealed class StatementPrivilegeTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task Reads_need_use_catalog_use_schema_and_select(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var user = await q.UserAsync();
        var reads = new[]
        {
            "SELECT count(*) FROM sales.orders",
            "SELECT o.total FROM sales.orders o JOIN sales.orders p ON o.order_id = p.order_id",
            "SELECT * FROM sales.orders VERSION AS OF 0",
            "EXPLAIN SELECT * FROM sales.orders",
            "DESCRIBE DETAIL sales.orders",
            "DESCRIBE HISTORY sales.orders",
        };

        Assert.Contains("permission denied: USE CATALOG on catalog main", await q.RefusedAsync(user, reads[0]));
        await q.RunAsync(q.Admin, $"GRANT USE CATALOG ON CATALOG main TO USER {user}");
        Assert.Contains("permission denied: USE SCHEMA on schema main.sales", await q.RefusedAsync(user, reads[0]));
        await q.RunAsync(q.Admin, $"GRANT USE SCHEMA ON SCHEMA sales TO {user}");
        foreach (var read in reads)
        {
            Assert.Equal(
                "permission denied: SELECT on table main.sales.orders; ask its owner or an administrator to GRANT SELECT.",
                await q.RefusedAsync(user, read));
        }

        await q.RunAsync(q.Admin, $"GRANT SELECT ON TABLE sales.orders TO {user}");
        foreach (var read in reads)
        {
            await q.RunAsync(user, read);
        }

        var error = await Assert.ThrowsAsync<QueryFailedException>(() => q.RunAsync(user, "SELECT * FROM sales.customers"));
        Assert.IsType<PermissionDeniedException>(error.InnerException);
    }

    [Theory, CatalogProviders]
    public async Task Writes_need_modify_and_row_changes_also_select(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var user = await q.UserAsync(RoleGroups.Viewer);
        var writes = new[]
        {
            "INSERT INTO sales.orders VALUES (12, 1, 1.0)",
            "INSERT OVERWRITE sales.orders SELECT * FROM sales.orders",
            "UPDATE sales.orders SET total = total + 1 WHERE order_id = 10",
            "DELETE FROM sales.orders WHERE order_id = 12",
            "MERGE INTO sales.orders t USING (SELECT 13 AS order_id, 1 AS customer_id, 2.0 AS total) s ON t.order_id = s.order_id WHEN NOT MATCHED THEN INSERT *",
            "OPTIMIZE sales.orders",
            "VACUUM sales.orders",
            "RESTORE TABLE sales.orders TO VERSION AS OF 0",
        };
        foreach (var write in writes)
        {
            Assert.StartsWith("permission denied: ", await q.RefusedAsync(user, write));
        }

        await q.RunAsync(q.Admin, $"GRANT MODIFY ON TABLE sales.orders TO {user}");
        Assert.Contains("SELECT on table main.sales.orders", await q.RefusedAsync(user, writes[2]));
        await q.RunAsync(user, writes[0]);

        await q.RunAsync(q.Admin, $"GRANT SELECT ON TABLE sales.orders TO {user}");
        foreach (var write in writes)
        {
            await q.RunAsync(user, write);
        }
    }

    [Theory, CatalogProviders]
    public async Task Creating_needs_create_table_on_the_schema_and_create_schema_on_the_catalog(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);

        Assert.Contains("permission denied: CREATE TABLE on schema main.sales", await q.RefusedAsync(analyst, "CREATE TABLE sales.mine (id INT)"));
        Assert.Contains("CREATE TABLE on schema main.sales", await q.RefusedAsync(analyst, "CREATE TABLE sales.copy AS SELECT * FROM sales.orders"));
        Assert.Contains("permission denied: CREATE SCHEMA on catalog main", await q.RefusedAsync(analyst, "CREATE SCHEMA scratch"));

        await q.RunAsync(q.Admin, $"GRANT CREATE TABLE ON SCHEMA sales TO {analyst}");
        await q.RunAsync(q.Admin, $"GRANT CREATE SCHEMA ON CATALOG main TO {analyst}");
        await q.RunAsync(analyst, "CREATE TABLE sales.mine (id INT); CREATE TABLE sales.copy AS SELECT * FROM sales.orders; CREATE SCHEMA scratch");

        // The creator owns what they made: they may change and drop it.
        await q.RunAsync(analyst, "INSERT INTO sales.mine VALUES (1); ALTER TABLE sales.mine ADD COLUMN note STRING; DROP TABLE sales.copy");
    }

    [Theory, CatalogProviders]
    public async Task Alter_and_drop_need_ownership(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var engineer = await q.UserAsync(RoleGroups.Engineer);

        Assert.Contains("permission denied: ALTER on table main.sales.orders needs OWNERSHIP", await q.RefusedAsync(engineer, "ALTER TABLE sales.orders ADD COLUMN note STRING"));
        Assert.Contains("permission denied: DROP on table main.sales.orders needs OWNERSHIP", await q.RefusedAsync(engineer, "DROP TABLE sales.orders"));

        await q.RunAsync(q.Admin, $"ALTER TABLE sales.orders OWNER TO {engineer}");
        await q.RunAsync(engineer, "ALTER TABLE sales.orders ADD COLUMN note STRING; DROP TABLE sales.orders");
    }

    [Theory, CatalogProviders]
    public async Task A_refusal_reads_the_same_whether_or_not_the_table_exists(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var viewer = await q.UserAsync(RoleGroups.Viewer);

        var existing = await q.RefusedAsync(viewer, "SELECT * FROM sales.orders");
        var missing = await q.RefusedAsync(viewer, "SELECT * FROM sales.no_such_table");

        Assert.Equal(existing.Replace("orders", "X", StringComparison.Ordinal), missing.Replace("no_such_table", "X", StringComparison.Ordinal));
        Assert.DoesNotContain("does not exist", missing);
    }

    [Theory, CatalogProviders]
    public async Task Viewers_list_names_but_read_no_rows(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var viewer = await q.UserAsync(RoleGroups.Viewer);
        var nobody = await q.UserAsync();

        Assert.Equal(["customers", "orders"], (await q.RowsAsync(viewer, "SHOW TABLES IN sales")).Select(r => (string)r[1]!).Order());
        Assert.Contains(await q.RowsAsync(viewer, "SHOW SCHEMAS"), r => (string)r[0]! == "sales");
        Assert.Empty(await q.RowsAsync(nobody, "SHOW TABLES IN sales"));
        Assert.Empty(await q.RowsAsync(nobody, "SHOW SCHEMAS"));
        Assert.StartsWith("permission denied: SELECT", await q.RefusedAsync(viewer, "SELECT * FROM sales.orders"));
    }

    [Theory, CatalogProviders]
    public async Task Single_user_mode_checks_nothing(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider, AuthMode.Single);

        var rows = await q.RowsAsync("anybody", "SELECT email FROM sales.customers ORDER BY id");
        await q.RunAsync("anybody", "INSERT INTO sales.orders VALUES (12, 1, 1.0); DROP TABLE sales.orders");

        Assert.Equal("john@example.com", rows[0][0]);
    }
}
