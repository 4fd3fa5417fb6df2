using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class JoinedRowChangeTests(CatalogDatabases databases) : JoinStatementTestBase(databases)
{
    [Theory]
    [InlineData("DELETE FROM sales.orders AS o USING sales.updates AS u WHERE o.id = u.id", "DELETE FROM orders AS o USING updates AS u WHERE o.id = u.id", 5L)]
    [InlineData(
        "DELETE FROM sales.orders USING (SELECT id % 3 AS id FROM sales.updates) AS d WHERE orders.id = d.id AND orders.region = 'us'",
        "DELETE FROM orders USING (SELECT id % 3 AS id FROM updates) AS d WHERE orders.id = d.id AND orders.region = 'us'",
        2L)]
    [InlineData(
        "UPDATE sales.orders AS o SET amount = u.amount, region = u.region FROM sales.updates AS u WHERE o.id = u.id AND u.id > 16",
        "UPDATE orders AS o SET amount = u.amount, region = u.region FROM updates AS u WHERE o.id = u.id AND u.id > 16",
        3L)]
    [InlineData(
        "UPDATE sales.orders SET amount = orders.amount * 2 FROM sales.updates VERSION AS OF 0 AS u WHERE orders.id + 10 = u.id",
        "UPDATE orders SET amount = orders.amount * 2 FROM (SELECT * FROM updates WHERE id < 25) AS u WHERE orders.id + 10 = u.id",
        10L)]
    public async Task Delete_using_and_update_from_change_the_rows_duckdb_changes(string sql, string plain, long affected)
    {
        await CreateTables();

        var result = (await Run(sql))[0];

        Assert.Equal([[affected]], result.Rows);
        Assert.Equal(affected, result.RowsAffected);
        Assert.Equal(PlainDuckDb(plain), await OrdersNow());
        Assert.Equal(1L, await OrdersVersion());
        Assert.NotEmpty(result.TablesRead);
    }

    [Fact]
    public async Task Is_distinct_from_and_case_in_an_update_are_not_a_join()
    {
        await CreateTables();
        const string update = "UPDATE {0} SET region = CASE WHEN id < 3 THEN 'low' ELSE region END WHERE region IS DISTINCT FROM 'eu'";

        var result = (await Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, update, "sales.orders")))[0];

        Assert.Equal([[13L]], result.Rows);
        Assert.Equal(PlainDuckDb(string.Format(System.Globalization.CultureInfo.InvariantCulture, update, "orders")), await OrdersNow());
        Assert.Equal("UPDATE", (await Rows("DESCRIBE HISTORY sales.orders"))[0][2]);
    }

    [Theory]
    [InlineData("UPDATE sales.orders SET amount = 0 FROM sales.updates AS u WHERE orders.id = u.id % 3", "multiple source rows matched")]
    [InlineData("UPDATE sales.orders SET amount = 0 FROM sales.orders WHERE true", "different aliases")]
    [InlineData("UPDATE sales.orders AS o SET nope = u.amount FROM sales.updates AS u WHERE o.id = u.id", "nope")]
    [InlineData("DELETE FROM sales.orders AS o USING sales.updates AS u WHERE o.id = u.nope", "nope")]
    [InlineData("DELETE FROM sales.orders AS o USING sales.nope AS u WHERE o.id = u.id", "'sales.nope' does not exist")]
    [InlineData("DELETE FROM sales.orders AS o USING sales.updates AS u, sales.updates AS v WHERE o.id = u.id", "no further sources")]
    [InlineData("UPDATE sales.orders AS o SET amount = u.region FROM sales.updates AS u WHERE o.id = u.id", "Conversion")]
    public async Task Bad_delete_using_or_update_from_fails_clearly_and_changes_nothing(string sql, string named)
    {
        await CreateTables();

        await AssertFailsAndChangesNothing(sql, named);
    }
}
