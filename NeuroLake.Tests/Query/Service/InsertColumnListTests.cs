using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class InsertColumnListTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string CreateOrders = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (id BIGINT NOT NULL, region VARCHAR, amount DECIMAL(10,2));
        """;

    [Fact]
    public async Task Values_go_to_the_listed_columns_in_the_list_order_and_the_others_get_null()
    {
        var rows = await Rows(CreateOrders + """
            INSERT INTO sales.orders (amount, ID) VALUES (10.50, 1), (3.25, 2);
            INSERT INTO sales.orders ("region", id) SELECT 'eu', 3;
            SELECT id, region, amount FROM sales.orders ORDER BY id;
            """);

        Assert.Equal([[1L, null, 10.50m], [2L, null, 3.25m], [3L, "eu", null]], rows);
    }

    [Fact]
    public async Task Insert_overwrite_takes_a_column_list_too()
    {
        var rows = await Rows(CreateOrders + """
            INSERT INTO sales.orders VALUES (1, 'eu', 1.00);
            INSERT OVERWRITE sales.orders (id, region) SELECT 9, 'us';
            SELECT id, region, amount FROM sales.orders;
            """);

        Assert.Equal([[9L, "us", null]], rows);
    }

    [Theory]
    [InlineData("INSERT INTO sales.orders (id, nope) VALUES (1, 2)", "has no column 'nope'")]
    [InlineData("INSERT INTO sales.orders (id, ID) VALUES (1, 2)", "listed twice")]
    [InlineData("INSERT INTO sales.orders (id, region VALUES (1, 'eu')", "malformed")]
    [InlineData("INSERT INTO sales.orders (id, region)", "followed by nothing")]
    [InlineData("INSERT INTO sales.orders (id, region) VALUES (1, 'eu', 3.0)", "lists 2 column(s) but its query gives 3")]
    [InlineData("INSERT INTO sales.orders (id, region, amount) SELECT 1, 'eu'", "lists 3 column(s) but its query gives 2")]
    public async Task A_bad_column_list_fails_with_its_reason_and_writes_nothing(string insert, string reason)
    {
        await Run(CreateOrders + "INSERT INTO sales.orders VALUES (1, 'eu', 1.00);");

        var failure = await Fails(insert);

        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.Equal([[1L, "eu", 1.00m]], await Rows("SELECT id, region, amount FROM sales.orders"));
        var table = await Catalog.FindTableAsync(Engine.Catalog.SecurablePath.ForTable("main", "sales", "orders"));
        Assert.Equal(1L, table!.CurrentVersion);
    }
}
