using Microsoft.Extensions.Logging;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>
/// Writes through the query service record column lineage; each expectation was worked out by hand from the query.
/// Rule: a target column gets every source column its value is computed from (expressions, CASE conditions, window
/// PARTITION BY and ORDER BY); columns used only to pick rows (WHERE, ON, GROUP BY, IN subqueries) make no edge.
/// </summary>
public sealed class ColumnLineageTests(CatalogDatabases databases) : LineageServiceTestBase(databases)
{
    [Theory]
    [InlineData("SELECT id, amount * 2 AS doubled FROM s.orders",
        "id<-orders.id | doubled<-orders.amount")]
    [InlineData("SELECT * FROM s.customers",
        "id<-customers.id | name<-customers.name | country<-customers.country")]
    [InlineData("SELECT * EXCLUDE (status) REPLACE (amount + customer_id AS amount) FROM s.orders",
        "id<-orders.id | customer_id<-orders.customer_id | amount<-orders.amount,orders.customer_id | ordered_at<-orders.ordered_at")]
    [InlineData("SELECT o.id, c.name, o.amount FROM s.orders o JOIN s.customers c ON o.customer_id = c.id",
        "id<-orders.id | name<-customers.name | amount<-orders.amount")]
    [InlineData("SELECT c.country, sum(o.amount) AS total, count(*) AS n FROM s.orders o JOIN s.customers c ON c.id = o.customer_id GROUP BY c.country",
        "country<-customers.country | total<-orders.amount | n<-")]
    [InlineData("SELECT id, CASE WHEN status = 'paid' THEN amount ELSE 0 END AS paid_amount FROM s.orders",
        "id<-orders.id | paid_amount<-orders.amount,orders.status")]
    [InlineData("SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at) AS rn, sum(amount) OVER (PARTITION BY customer_id) AS share FROM s.orders",
        "id<-orders.id | rn<-orders.customer_id,orders.ordered_at | share<-orders.amount,orders.customer_id")]
    [InlineData("WITH big AS (SELECT customer_id AS cid, amount FROM s.orders WHERE amount > 1) SELECT cid, amount FROM big",
        "cid<-orders.customer_id | amount<-orders.amount")]
    [InlineData("SELECT id, name AS label FROM s.customers UNION ALL SELECT id, status FROM s.orders",
        "id<-customers.id,orders.id | label<-customers.name,orders.status")]
    [InlineData("SELECT t.k, t.v FROM (SELECT id, upper(name) FROM s.customers) AS t(k, v)",
        "k<-customers.id | v<-customers.name")]
    [InlineData("SELECT c.id, (SELECT max(o.amount) FROM s.orders o WHERE o.customer_id = c.id) AS top FROM s.customers c",
        "id<-customers.id | top<-orders.amount")]
    [InlineData("SELECT CAST(id AS VARCHAR) || '-' || coalesce(name, country) AS code FROM s.customers",
        "code<-customers.country,customers.id,customers.name")]
    [InlineData("SELECT name FROM s.customers WHERE id IN (SELECT customer_id FROM s.orders WHERE status = 'paid')",
        "name<-customers.name")]
    [InlineData("SELECT * FROM s.customers JOIN (SELECT customer_id AS id, amount FROM s.orders) AS o USING (id)",
        "id<-customers.id,orders.customer_id | name<-customers.name | country<-customers.country | amount<-orders.amount")]
    [InlineData("SELECT s.orders.id, orders.status FROM s.orders",
        "id<-orders.id | status<-orders.status")]
    [InlineData("WITH RECURSIVE r(n, label) AS (SELECT id, name FROM s.customers UNION ALL SELECT n + 1, label FROM r WHERE n < 12) SELECT n, label FROM r",
        "n<-customers.id | label<-customers.name")]
    public async Task Create_table_as_select_records_each_columns_sources(string query, string expected)
    {
        await Run($"CREATE TABLE s.r AS {query}");

        Assert.Equal(expected.Split(" | "), await ColumnLineageOf("r"));
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Time_travel_reads_record_the_same_columns_and_a_table_edge()
    {
        await Run("CREATE TABLE s.r AS SELECT o.id, c.name FROM s.orders VERSION AS OF 1 AS o JOIN s.customers VERSION AS OF 1 c ON o.customer_id = c.id");

        Assert.Equal(["id<-orders.id", "name<-customers.name"], await ColumnLineageOf("r"));
        var tables = await Lineage.UpstreamAsync(Table("r"), maxDepth: 1);
        Assert.Equal([Table("customers"), Table("orders")], tables.Nodes.Select(n => n.Path));
    }

    [Fact]
    public async Task A_table_read_only_to_filter_gets_a_table_edge_but_no_column_edge()
    {
        await Run("CREATE TABLE s.r AS SELECT name FROM s.customers WHERE id IN (SELECT customer_id FROM s.orders WHERE status = 'paid')");

        Assert.Equal([Table("customers"), Table("orders")], (await Lineage.UpstreamAsync(Table("r"))).Nodes.Select(n => n.Path));
        Assert.Empty((await Lineage.DownstreamAsync(Table("orders") with { Column = "customer_id" })).Nodes);
    }

    [Fact]
    public async Task Insert_without_a_column_list_maps_by_position()
    {
        await Run("""
            CREATE TABLE s.r (a INTEGER, b VARCHAR);
            INSERT INTO s.r SELECT customer_id, status FROM s.orders;
            """);

        Assert.Equal(["a<-orders.customer_id", "b<-orders.status"], await ColumnLineageOf("r"));
    }

    [Fact]
    public async Task Insert_overwrite_of_values_with_a_subquery_records_only_the_subquerys_column()
    {
        await Run("""
            CREATE TABLE s.r (a INTEGER, b VARCHAR);
            INSERT OVERWRITE s.r VALUES (1, (SELECT max(name) FROM s.customers));
            """);

        Assert.Equal(["a<-", "b<-customers.name"], await ColumnLineageOf("r"));
    }

    [Fact]
    public async Task Update_links_each_set_column_to_the_columns_of_its_expression_including_its_own()
    {
        await Run("UPDATE s.orders SET amount = amount * 1.1 + customer_id, status = 'checked' WHERE id = 1");

        Assert.Equal(
            ["id<-", "customer_id<-", "amount<-orders.amount,orders.customer_id", "status<-", "ordered_at<-"],
            await ColumnLineageOf("orders"));
    }

    [Fact]
    public async Task Lineage_chains_through_successive_writes()
    {
        await Run("""
            CREATE TABLE s.r AS SELECT customer_id, amount FROM s.orders;
            CREATE TABLE s.r2 AS SELECT customer_id, sum(amount) AS total FROM s.r GROUP BY customer_id;
            """);

        var upstream = await Lineage.UpstreamAsync(Table("r2") with { Column = "total" });

        Assert.Equal([(Table("r") with { Column = "amount" }, 1), (Table("orders") with { Column = "amount" }, 2)],
            upstream.Nodes.Select(n => (n.Path, n.Depth)));
        var edge = upstream.Edges.First(e => e.Target.Table == "r2");
        Assert.Equal(Engine.Catalog.Model.LineageProducerKind.Statement, edge.ProducerKind);
        Assert.StartsWith("CREATE TABLE s.r2 AS SELECT", edge.ProducerText);
        Assert.Equal(32, edge.ProducerId.Length);
    }

    [Fact]
    public async Task Columns_lineage_cannot_see_are_logged_as_partial_and_the_rest_is_recorded()
    {
        await Run("CREATE TABLE s.r AS SELECT o.id, g.* FROM s.orders o CROSS JOIN generate_series(1, 2) AS g");

        Assert.Equal(["id<-orders.id", "generate_series<-"], await ColumnLineageOf("r"));
        var partial = Assert.Single(Logs.Entries, e => e.Event.Id == 5301);
        Assert.Contains("g.* over unknown columns", partial.Message);
        Assert.Equal([Table("orders")], (await Lineage.UpstreamAsync(Table("r"))).Nodes.Select(n => n.Path));
    }

    [Fact]
    public async Task Statements_that_write_nothing_new_record_no_lineage()
    {
        await Run("""
            CREATE TABLE s.r (a INTEGER);
            SELECT * FROM s.orders;
            UPDATE s.orders SET amount = 0 WHERE id = 42;
            """);

        Assert.Empty((await Lineage.DownstreamAsync(Table("orders"))).Nodes);
        Assert.Empty((await Lineage.UpstreamAsync(Table("r"))).Nodes);
    }
}
