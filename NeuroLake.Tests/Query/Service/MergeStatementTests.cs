using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class MergeStatementTests(CatalogDatabases databases) : JoinStatementTestBase(databases)
{
    [Theory]
    [InlineData(
        "MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id AND u.id < 25 WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED AND u.id < 25 THEN INSERT *",
        "MERGE INTO orders AS o USING updates AS u ON o.id = u.id AND u.id < 25 WHEN MATCHED THEN UPDATE SET region = u.region, amount = u.amount "
        + "WHEN NOT MATCHED AND u.id < 25 THEN INSERT (id, region, amount) VALUES (u.id, u.region, u.amount)",
        new long[] { 10, 5, 0, 5 })]
    [InlineData(
        """
        MERGE INTO sales.orders o USING sales.updates u ON o.id = u.id
        WHEN MATCHED AND u.id % 2 = 0 THEN DELETE
        WHEN MATCHED THEN UPDATE SET o.amount = o.amount + u.amount, region = CASE WHEN u.id > 17 THEN 'hi' ELSE 'lo' END
        WHEN NOT MATCHED BY TARGET AND u.id < 23 THEN INSERT (id, amount) VALUES (u.id, -u.amount)
        """,
        "MERGE INTO orders o USING updates u ON o.id = u.id WHEN MATCHED AND u.id % 2 = 0 THEN DELETE "
        + "WHEN MATCHED THEN UPDATE SET amount = o.amount + u.amount, region = CASE WHEN u.id > 17 THEN 'hi' ELSE 'lo' END "
        + "WHEN NOT MATCHED AND u.id < 23 THEN INSERT (id, amount) VALUES (u.id, -u.amount)",
        new long[] { 8, 3, 2, 3 })]
    [InlineData(
        "MERGE INTO sales.orders USING sales.updates ON orders.id = updates.id WHEN NOT MATCHED BY SOURCE AND orders.id < 5 THEN DELETE WHEN NOT MATCHED BY SOURCE THEN UPDATE SET region = 'gone'",
        "MERGE INTO orders USING updates ON orders.id = updates.id WHEN NOT MATCHED BY SOURCE AND orders.id < 5 THEN DELETE WHEN NOT MATCHED BY SOURCE THEN UPDATE SET region = 'gone'",
        new long[] { 15, 10, 5, 0 })]
    [InlineData(
        "MERGE INTO sales.orders AS o USING (SELECT id * 2 - 20 AS id, max(amount) AS amount FROM sales.updates WHERE id < 25 GROUP BY id) AS s ON o.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET amount = s.amount WHEN NOT MATCHED THEN INSERT (id, region, amount) VALUES (s.id, 'new', s.amount)",
        "MERGE INTO orders AS o USING (SELECT id * 2 - 20 AS id, max(amount) AS amount FROM updates WHERE id < 25 GROUP BY id) AS s ON o.id = s.id "
        + "WHEN MATCHED THEN UPDATE SET amount = s.amount WHEN NOT MATCHED THEN INSERT (id, region, amount) VALUES (s.id, 'new', s.amount)",
        new long[] { 10, 5, 0, 5 })]
    public async Task Merge_changes_the_rows_duckdb_changes_in_one_commit_and_returns_its_counts(string merge, string plain, long[] counts)
    {
        await CreateTables();

        var result = (await Run(merge))[0];

        Assert.Equal(["num_affected_rows", "num_updated_rows", "num_deleted_rows", "num_inserted_rows"], result.Columns.Select(c => c.Name));
        Assert.Equal(counts.Cast<object?>(), result.Rows.Single());
        Assert.Equal(counts[0], result.RowsAffected);
        Assert.Equal(new TableVersion("sales", "orders", 1), result.TableWritten);
        Assert.Contains(new TableVersion("sales", "updates", 1), result.TablesRead);
        Assert.Equal(PlainDuckDb(plain), await OrdersNow());
        Assert.Equal("MERGE", (await Rows("DESCRIBE HISTORY sales.orders"))[0][2]);
    }

    [Fact]
    public async Task Merge_reads_an_old_version_of_the_source_when_asked()
    {
        await CreateTables();

        var result = (await Run("MERGE INTO sales.orders AS o USING sales.updates VERSION AS OF 0 AS u ON o.id = u.id WHEN NOT MATCHED THEN INSERT *"))[0];

        Assert.Equal(5L, result.Rows.Single()[3]);
        Assert.Equal([new TableVersion("sales", "updates", 0)], result.TablesRead);
        Assert.Equal(
            PlainDuckDb("MERGE INTO orders AS o USING (SELECT * FROM updates WHERE id < 25) AS u ON o.id = u.id WHEN NOT MATCHED THEN INSERT (id, region, amount) VALUES (u.id, u.region, u.amount)"),
            await OrdersNow());
    }

    [Fact]
    public async Task Merge_with_nothing_to_change_commits_nothing()
    {
        await CreateTables();

        var result = (await Run("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id AND false WHEN MATCHED THEN DELETE"))[0];

        Assert.Equal([0L, 0L, 0L, 0L], result.Rows.Single());
        Assert.Null(result.TableWritten);
        Assert.Equal(0L, await OrdersVersion());
    }

    [Theory]
    [InlineData("MERGE INTO sales.orders AS o USING (SELECT 5 AS id, 1 AS amount UNION ALL SELECT 5, 2) AS s ON o.id = s.id WHEN MATCHED THEN UPDATE SET amount = s.amount", "multiple source rows matched")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN MATCHED THEN UPDATE SET nope = u.amount", "nope")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.nope = u.id WHEN MATCHED THEN DELETE", "nope")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN NOT MATCHED THEN INSERT (id, nope) VALUES (u.id, 1)", "nope")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN MATCHED THEN UPDATE SET amount = u.region", "Conversion")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.nope AS u ON o.id = u.id WHEN MATCHED THEN DELETE", "'sales.nope' does not exist")]
    [InlineData("MERGE INTO sales.nope AS o USING sales.updates AS u ON o.id = u.id WHEN MATCHED THEN DELETE", "'sales.nope' does not exist")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN MATCHED THEN INSERT *", "can only UPDATE")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN NOT MATCHED BY SOURCE THEN UPDATE SET *", "source has no row")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u WHEN MATCHED THEN DELETE", "needs ON")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id", "at least one WHEN")]
    [InlineData("MERGE INTO sales.orders AS o USING (SELECT 1 AS id) ON o.id = 1 WHEN MATCHED THEN DELETE", "needs an alias")]
    [InlineData("MERGE INTO sales.orders AS o USING sales.updates AS u ON o.id = u.id WHEN NOT MATCHED THEN INSERT (id, amount) VALUES (u.id)", "1 value(s)")]
    [InlineData("WITH c AS (SELECT 1 AS id) MERGE INTO sales.orders AS o USING c ON o.id = c.id WHEN MATCHED THEN DELETE", "move the CTE into the source query")]
    [InlineData("MERGE INTO sales.orders AS o USING read_csv('/etc/passwd') AS u ON true WHEN MATCHED THEN DELETE", "read_csv")]
    public async Task Bad_merge_fails_with_a_clear_error_and_leaves_the_table_at_its_version(string sql, string named)
    {
        await CreateTables();

        await AssertFailsAndChangesNothing(sql, named);
    }
}
