using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class TableStatementTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string CreateOrders = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (id BIGINT NOT NULL, region VARCHAR, amount DECIMAL(10,2)) PARTITIONED BY (region) COMMENT 'one row per order';
        INSERT INTO sales.orders VALUES (1, 'eu', 10.50), (2, 'us', 3.25);
        """;

    [Fact]
    public async Task Created_table_is_registered_at_its_managed_location_and_answers_selects_of_inserted_rows()
    {
        var results = await Run(CreateOrders + "SELECT id, region, amount FROM sales.orders ORDER BY id;");

        Assert.Equal((2L, new TableVersion("sales", "orders", 1)), (results[2].RowsAffected!.Value, results[2].TableWritten!));
        var select = results[3];
        Assert.Equal([("id", "BIGINT"), ("region", "VARCHAR"), ("amount", "DECIMAL(10,2)")], select.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal([[1L, "eu", 10.50m], [2L, "us", 3.25m]], select.Rows);
        Assert.Equal([new TableVersion("sales", "orders", 1)], select.TablesRead);
        var table = await Catalog.FindTableAsync(SecurablePath.ForTable("main", "sales", "orders"));
        Assert.NotNull(table);
        Assert.Equal(Path.Combine(Warehouse, "main", "sales", "orders"), table.Location);
        Assert.Equal((1L, "one row per order", "ana"), (table.CurrentVersion, table.Description, table.Owner));
        Assert.Equal(["region"], table.PartitionColumns);
        Assert.Equal([("id", false), ("region", true), ("amount", true)], table.Columns.Select(c => (c.Name, c.Nullable)));
    }

    [Fact]
    public async Task Create_table_as_select_takes_the_query_columns_and_rows()
    {
        var results = await Run(CreateOrders + """
            CREATE TABLE sales.by_region AS SELECT region, sum(amount) AS total FROM sales.orders GROUP BY region;
            SELECT region, total FROM sales.by_region ORDER BY region;
            """);

        Assert.Equal((2L, 0L), (results[3].RowsAffected!.Value, results[3].TableWritten!.Version));
        Assert.Equal([new TableVersion("sales", "orders", 1)], results[3].TablesRead);
        Assert.Equal([["eu", 10.50m], ["us", 3.25m]], results[4].Rows);
    }

    [Fact]
    public async Task Insert_overwrite_replaces_all_rows_and_insert_select_appends()
    {
        var rows = await Rows(CreateOrders + """
            INSERT OVERWRITE sales.orders SELECT 7, 'eu', 1.00;
            INSERT INTO sales.orders SELECT id + 1, region, amount FROM sales.orders;
            SELECT id FROM sales.orders ORDER BY id;
            """);

        Assert.Equal([[7L], [8L]], rows);
    }

    [Fact]
    public async Task Bare_table_names_resolve_in_the_default_schema()
    {
        var rows = await Rows("CREATE SCHEMA \"default\"; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (5); SELECT x FROM t;");

        Assert.Equal([[5]], rows);
        Assert.NotNull(await Catalog.FindTableAsync(SecurablePath.ForTable("main", "default", "t")));
    }

    [Fact]
    public async Task Creating_an_existing_schema_or_table_fails_unless_if_not_exists_is_given()
    {
        await Run(CreateOrders);

        await Run("CREATE SCHEMA IF NOT EXISTS sales; CREATE TABLE IF NOT EXISTS sales.orders (x INTEGER);");
        Assert.Contains("already exists", (await Fails("CREATE SCHEMA sales")).Reason);
        Assert.Contains("already exists", (await Fails("CREATE TABLE sales.orders (x INTEGER)")).Reason);
        Assert.Equal([[2L]], await Rows("SELECT count(*) FROM sales.orders"));
    }

    [Fact]
    public async Task Creating_a_table_in_a_missing_schema_names_the_fix()
    {
        var error = await Fails("CREATE TABLE nowhere.t (x INTEGER)");

        Assert.Contains("CREATE SCHEMA nowhere", error.Reason);
        Assert.False(Directory.Exists(Path.Combine(Warehouse, "main", "nowhere")));
    }

    [Fact]
    public async Task A_bad_column_list_fails_with_duckdbs_message_and_creates_nothing()
    {
        await Run("CREATE SCHEMA s");

        var error = await Fails("CREATE TABLE s.t (x NOT_A_TYPE)");

        Assert.Contains("NOT_A_TYPE", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "t")));
        Assert.Equal(StatementKind.CreateSchema, (await Run("CREATE SCHEMA IF NOT EXISTS s"))[0].Kind);
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE scratch AS SELECT 1 AS x", "CTE")]
    [InlineData("CREATE OR REPLACE TABLE s.t AS SELECT 1 AS x", "INSERT OVERWRITE")]
    [InlineData("CREATE VIEW s.v AS SELECT 1", "not supported yet")]
    public async Task Statements_that_would_leave_tables_outside_the_catalog_are_refused(string sql, string fix)
    {
        await Run("CREATE SCHEMA s; CREATE SCHEMA \"default\"");

        var error = await Fails(sql);

        Assert.Contains(fix, error.Reason);
        Assert.Empty(await Catalog.ListTablesAsync("main", "default"));
        Assert.Empty(await Catalog.ListTablesAsync("main", "s"));
    }

    [Fact]
    public async Task Complex_column_types_are_recorded_in_the_catalog_in_spark_simple_form()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t (tags VARCHAR[], scores MAP(VARCHAR, INTEGER), place STRUCT(city VARCHAR, zip INTEGER))");

        var table = await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "t"));

        Assert.Equal(["array<string>", "map<string,integer>", "struct<city:string,zip:integer>"], table!.Columns.Select(c => c.Type));
    }
}
