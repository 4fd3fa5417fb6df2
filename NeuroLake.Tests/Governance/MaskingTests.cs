using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Governance;

/// <summary>PII columns are masked inside the plan for readers without UNMASK, so no statement built on a read can leak them.</summary>
public sealed class MaskingTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private const string Pii = "SELECT email, name, card, notes FROM sales.customers ORDER BY id";

    [Theory, CatalogProviders]
    public async Task Readers_without_unmask_see_masked_values_and_null_stays_null(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);

        var rows = await q.RowsAsync(analyst, Pii);

        Assert.Equal<object?>(["j***@example.com", "J.S.", "****1111", "[redacted]"], rows[0]);
        Assert.Equal<object?>(["m***@example.org", "M.A.L.", "****0004", null], rows[1]);
        Assert.Equal<object?>([null, null, null, "[redacted]"], rows[2]);
        var active = await q.Governed.Policies.ActiveAsync(new SecurablePath("main", "sales", "customers"));
        Assert.Equal(["email", "name", "card", "notes"], active.Masks.Select(m => m.Column));
        Assert.Equal("first letter + ***@domain", active.Masks[0].Masking);
    }

    [Theory, CatalogProviders]
    public async Task Owners_administrators_and_holders_of_unmask_see_the_values(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);

        Assert.Equal("john@example.com", (await q.RowsAsync(q.Admin, Pii))[0][0]);
        await q.RunAsync(q.Admin, $"GRANT UNMASK ON TABLE sales.customers TO {analyst}");
        Assert.Equal("john@example.com", (await q.RowsAsync(analyst, Pii))[0][0]);
        await q.RunAsync(q.Admin, $"REVOKE UNMASK ON TABLE sales.customers FROM {analyst}");
        Assert.Equal("j***@example.com", (await q.RowsAsync(analyst, Pii))[0][0]);
    }

    [Theory, CatalogProviders]
    public async Task Ctas_insert_select_joins_filters_and_exports_cannot_read_the_unmasked_values(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var engineer = await q.UserAsync(RoleGroups.Engineer);

        await q.RunAsync(engineer, "CREATE TABLE sales.leak AS SELECT c.email, c.card, o.total FROM sales.customers c JOIN sales.orders o ON o.customer_id = c.id");
        await q.RunAsync(engineer, "CREATE TABLE sales.leak2 (email STRING); INSERT INTO sales.leak2 SELECT email FROM sales.customers WHERE email IS NOT NULL");

        // The administrator reads the copies unmasked: what they hold is what the engineer could read.
        var copied = await q.RowsAsync(q.Admin, "SELECT email, card FROM sales.leak UNION ALL SELECT email, NULL FROM sales.leak2");
        Assert.All(copied, r => Assert.Contains("***", (string)r[0]!));
        Assert.DoesNotContain(copied, r => ((string?)r[1])?.Contains("4111 1111", StringComparison.Ordinal) == true);
        Assert.Empty(await q.RowsAsync(engineer, "SELECT id FROM sales.customers WHERE email = 'john@example.com'"));
        Assert.Empty(await q.RowsAsync(engineer, "SELECT id FROM sales.customers WHERE email LIKE 'john%'"));

        using var export = new MemoryStream();
        await q.Service.ExportAsync("SELECT email FROM sales.customers", new QueryRequest(engineer, "sales"), ExportFormat.Csv, export);
        var csv = System.Text.Encoding.UTF8.GetString(export.ToArray());
        Assert.Contains("j***@example.com", csv);
        Assert.DoesNotContain("john@", csv);
    }

    [Theory, CatalogProviders]
    public async Task Row_changes_on_a_masked_table_need_unmask_because_their_conditions_read_stored_values(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var engineer = await q.UserAsync(RoleGroups.Engineer);
        const string copy = "UPDATE sales.customers SET region = email WHERE id = 1";

        Assert.Contains("GRANT UNMASK", await q.RefusedAsync(engineer, copy));
        Assert.Contains("GRANT UNMASK", await q.RefusedAsync(engineer, "DELETE FROM sales.customers WHERE email = 'john@example.com'"));
        Assert.Equal("EU", (await q.RowsAsync(q.Admin, "SELECT region FROM sales.customers WHERE id = 1"))[0][0]);

        await q.RunAsync(q.Admin, $"GRANT UNMASK ON TABLE sales.customers TO {engineer}");
        await q.RunAsync(engineer, copy);
    }

    [Theory, CatalogProviders]
    public async Task A_row_filter_limits_what_members_of_its_group_read(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var analyst = await q.UserAsync(RoleGroups.Analyst);
        var engineer = await q.UserAsync(RoleGroups.Engineer);

        await q.RunAsync(q.Admin, "ALTER TABLE sales.customers SET ROW FILTER region = 'EU' FOR GROUP analyst");

        Assert.Equal([1, 3], (await q.RowsAsync(analyst, "SELECT id FROM sales.customers ORDER BY id")).Select(r => Convert.ToInt32(r[0])));
        Assert.Equal([1L], (await q.RowsAsync(analyst, "SELECT count(*) FROM sales.customers c JOIN sales.orders o ON o.customer_id = c.id"))[0]);
        Assert.Equal(3, (await q.RowsAsync(engineer, "SELECT id FROM sales.customers")).Count);
        Assert.Equal(3, (await q.RowsAsync(q.Admin, "SELECT id FROM sales.customers")).Count);
        var filter = Assert.Single((await q.Governed.Policies.ActiveAsync(new SecurablePath("main", "sales", "customers"))).RowFilters);
        Assert.Equal(("analyst", "region = 'EU'", q.Admin), (filter.Group, filter.Predicate, filter.CreatedBy));

        await q.RunAsync(q.Admin, "ALTER TABLE sales.customers DROP ROW FILTER FOR GROUP analyst");
        Assert.Equal(3, (await q.RowsAsync(analyst, "SELECT id FROM sales.customers")).Count);
    }

    [Theory, CatalogProviders]
    public async Task Row_filters_that_read_elsewhere_or_are_not_conditions_are_refused(CatalogProvider provider)
    {
        await using var q = await GovernedQueries.StartAsync(databases, provider);
        var engineer = await q.UserAsync(RoleGroups.Engineer);
        const string target = "ALTER TABLE sales.customers SET ROW FILTER ";

        Assert.Contains("reads tables, files or a subquery", await q.RefusedAsync(q.Admin, target + "id IN (SELECT customer_id FROM sales.orders) FOR GROUP analyst"));
        Assert.Contains("reads tables, files or a subquery", await q.RefusedAsync(q.Admin, target + "EXISTS (SELECT 1 FROM read_csv('/etc/passwd')) FOR GROUP analyst"));
        Assert.Contains("not one expression", await q.RefusedAsync(q.Admin, target + "true) OR (true FOR GROUP analyst"));
        Assert.Contains("The table's columns are", await q.RefusedAsync(q.Admin, target + "no_such_column = 1 FOR GROUP analyst"));
        Assert.Contains("not a condition", await q.RefusedAsync(q.Admin, target + "id + 1 FOR GROUP analyst"));
        Assert.Contains("Group 'nobody' does not exist", await q.RefusedAsync(q.Admin, target + "region = 'EU' FOR GROUP nobody"));
        Assert.Contains("needs OWNERSHIP", await q.RefusedAsync(engineer, target + "true FOR GROUP analyst"));
        Assert.Empty((await q.Governed.Policies.ActiveAsync(new SecurablePath("main", "sales", "customers"))).RowFilters);
    }
}
