using NeuroLake.Engine.DuckDb;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

/// <summary>
/// sales.orders (ids 0..19, version 0) and sales.updates (ids 15..24 at version 0, 25..27 added at version 1), and
/// the same rows as plain DuckDB tables, whose own MERGE, DELETE USING and UPDATE FROM say what the answer must be.
/// </summary>
public abstract class JoinStatementTestBase(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string Orders = "SELECT i AS id, CASE WHEN i % 3 = 0 THEN 'eu' ELSE 'us' END AS region, i * 1.5 AS amount FROM range(20) t(i)";
    private const string Updates = "SELECT i AS id, 'xx' AS region, i * 100 AS amount FROM range(15, 25) t(i)";
    private const string MoreUpdates = "SELECT i AS id, 'yy' AS region, i AS amount FROM range(25, 28) t(i)";
    private const string AsText = "SELECT id || '|' || coalesce(region, '-') || '|' || coalesce(CAST(amount AS VARCHAR), '-') AS r FROM {0} ORDER BY id";

    protected async Task CreateTables() =>
        await Run($"CREATE SCHEMA sales; CREATE TABLE sales.orders AS {Orders}; CREATE TABLE sales.updates AS {Updates}; INSERT INTO sales.updates {MoreUpdates};");

    /// <summary>sales.orders as id|region|amount lines, in id order.</summary>
    protected async Task<List<string>> OrdersNow() =>
        (await Rows(string.Format(System.Globalization.CultureInfo.InvariantCulture, AsText, "sales.orders"))).Select(r => (string)r[0]!).ToList();

    /// <summary>The rows of plain DuckDB table orders after <paramref name="change"/> (which may read updates).</summary>
    protected static List<string> PlainDuckDb(string change)
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        using (var connection = db.Connect())
        {
            connection.Execute($"CREATE TABLE orders AS {Orders}; CREATE TABLE updates AS {Updates}; INSERT INTO updates {MoreUpdates}; {change}");
        }

        return SqlProbe.Rows(db, string.Format(System.Globalization.CultureInfo.InvariantCulture, AsText, "orders")).Select(r => r.GetProperty("r").GetString()!).ToList();
    }

    protected async Task<long> OrdersVersion() => (long)(await Rows("DESCRIBE HISTORY sales.orders"))[0][0]!;

    /// <summary>The statement fails naming <paramref name="named"/>, and sales.orders keeps its rows and version.</summary>
    protected async Task AssertFailsAndChangesNothing(string sql, string named)
    {
        var before = await OrdersNow();

        var error = await Fails(sql);

        Assert.Contains(named, error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await OrdersNow());
        Assert.Equal(0L, await OrdersVersion());
    }
}
