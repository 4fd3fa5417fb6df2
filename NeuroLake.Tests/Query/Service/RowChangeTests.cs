using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

public sealed class RowChangeTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string Rows20 = "SELECT i AS id, CASE WHEN i % 3 = 0 THEN 'eu' ELSE 'us' END AS region, i * 1.5 AS amount FROM range(20) t(i)";

    private async Task CreateOrders() =>
        await Run($"CREATE SCHEMA sales; CREATE TABLE sales.orders AS {Rows20}; INSERT INTO sales.orders SELECT 100 + id, region, amount FROM ({Rows20});");

    /// <summary>The same change run by DuckDB on a plain table holding the same rows.</summary>
    private static List<string> PlainDuckDb(string change)
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        using (var connection = db.Connect())
        {
            connection.Execute($"CREATE TABLE orders AS {Rows20}; INSERT INTO orders SELECT 100 + id, region, amount FROM ({Rows20}); {change}");
        }

        return SqlProbe.Rows(db, "SELECT id, region, amount FROM orders ORDER BY id").Select(r => r.ToString()).ToList();
    }

    private async Task<List<string>> OrdersNow()
    {
        var rows = await Rows("SELECT id, region, amount FROM sales.orders ORDER BY id");
        return rows.Select(r => System.Text.Json.JsonSerializer.Serialize(new { id = r[0], region = r[1], amount = r[2] })).ToList();
    }

    private static List<string> Normalized(List<string> duckRows) =>
        duckRows.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement)
            .Select(e => System.Text.Json.JsonSerializer.Serialize(new { id = e.GetProperty("id").GetInt64(), region = e.GetProperty("region").GetString(), amount = e.GetProperty("amount").GetDecimal() }))
            .ToList();

    [Theory]
    [InlineData("DELETE FROM sales.orders WHERE region = 'eu' AND amount > 6", "DELETE FROM orders WHERE region = 'eu' AND amount > 6", 10L)]
    [InlineData("DELETE FROM sales.orders WHERE id IN (SELECT * FROM range(3)) OR id >= 110", "DELETE FROM orders WHERE id IN (SELECT * FROM range(3)) OR id >= 110", 13L)]
    [InlineData("DELETE FROM sales.orders", "DELETE FROM orders", 40L)]
    public async Task Delete_removes_the_rows_duckdb_removes_and_returns_their_count(string delete, string plain, long affected)
    {
        await CreateOrders();

        var result = (await Run(delete))[0];

        Assert.Equal([("num_affected_rows", "BIGINT")], result.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal([[affected]], result.Rows);
        Assert.Equal(affected, result.RowsAffected);
        Assert.Equal(new TableVersion("sales", "orders", 2), result.TableWritten);
        Assert.Equal(Normalized(PlainDuckDb(plain)), await OrdersNow());
        Assert.Equal("DELETE", (await Rows("DESCRIBE HISTORY sales.orders"))[0][2]);
    }

    [Fact]
    public async Task Update_sets_columns_like_duckdb_and_returns_the_updated_row_count()
    {
        await CreateOrders();

        var result = (await Run("UPDATE sales.orders SET amount = amount * 2, region = upper(region) WHERE id % 4 = 1"))[0];

        Assert.Equal([[10L]], result.Rows);
        Assert.Equal(Normalized(PlainDuckDb("UPDATE orders SET amount = amount * 2, region = upper(region) WHERE id % 4 = 1")), await OrdersNow());
        Assert.Equal("UPDATE", (await Rows("DESCRIBE HISTORY sales.orders"))[0][2]);
        Assert.Equal(2L, (await Catalog.FindTableAsync(NeuroLake.Engine.Catalog.SecurablePath.ForTable("main", "sales", "orders")))!.CurrentVersion);
    }

    [Theory]
    [InlineData("DELETE FROM sales.orders WHERE nope = 1", "nope")]
    [InlineData("UPDATE sales.orders SET nope = 1", "nope")]
    [InlineData("UPDATE sales.orders SET amount = 0 WHERE nope > 2", "nope")]
    [InlineData("DELETE FROM sales.orders WHERE id IN (SELECT * FROM read_csv('/etc/passwd'))", "read_csv")]
    [InlineData("DELETE FROM sales.orders WHERE id IN (SELECT id FROM sales.orders)", "cannot read other tables")]
    [InlineData("DELETE FROM sales.orders WHERE 1 = 1) OR (1 = 1", "")]
    [InlineData("UPDATE sales.orders SET amount = 0 FROM sales.orders o", "multiple source rows matched")]
    public async Task Bad_delete_or_update_fails_with_a_clear_error_and_leaves_the_table_unchanged(string sql, string named)
    {
        await CreateOrders();
        var before = await OrdersNow();

        var error = await Fails(sql);

        Assert.Contains(named, error.Reason);
        Assert.Equal(before, await OrdersNow());
        Assert.Equal(1L, (await Rows("DESCRIBE HISTORY sales.orders"))[0][0]);
    }
}
