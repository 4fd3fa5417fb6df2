using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class AlterTableTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string Orders = "CREATE SCHEMA s; CREATE TABLE s.t (id BIGINT, v VARCHAR); INSERT INTO s.t VALUES (1, 'a');";

    private async Task<string> LastOperation() => (string)(await Rows("DESCRIBE HISTORY s.t"))[0][2]!;

    private async Task<TableInfo> CatalogTable() => (await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "t")))!;

    [Theory]
    [InlineData("ALTER TABLE s.t ADD COLUMNS (score DOUBLE, tags VARCHAR[])")]
    [InlineData("ALTER TABLE s.t ADD COLUMN score DOUBLE, tags VARCHAR[]")]
    public async Task Add_columns_appends_nullable_columns_that_old_rows_read_as_null(string alter)
    {
        await Run(Orders);

        var result = (await Run(alter))[0];

        Assert.Equal(new TableVersion("s", "t", 2), result.TableWritten);
        Assert.Equal([[1L, "a", null, null]], await Rows("SELECT id, v, score, tags FROM s.t"));
        Assert.Equal("ADD COLUMNS", await LastOperation());
        Assert.Equal(["id", "v", "score", "tags"], (await CatalogTable()).Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Set_and_unset_tblproperties_change_the_tables_properties()
    {
        await Run(Orders);

        await Run("ALTER TABLE s.t SET TBLPROPERTIES ('team' = 'sales', 'tier' = 'gold')");
        Assert.Equal("SET TBLPROPERTIES", await LastOperation());
        await Run("ALTER TABLE s.t UNSET TBLPROPERTIES ('tier')");

        Assert.Equal("UNSET TBLPROPERTIES", await LastOperation());
        var properties = (await CatalogTable()).Properties;
        Assert.Equal("sales", properties["team"]);
        Assert.False(properties.ContainsKey("tier"));
    }

    [Fact]
    public async Task Alter_column_comment_records_the_comment_on_the_column()
    {
        await Run(Orders);

        await Run("ALTER TABLE s.t ALTER COLUMN V COMMENT 'the label'");

        Assert.Equal("CHANGE COLUMN", await LastOperation());
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        var snapshot = await new DeltaTable(new LocalObjectStore(Path.Combine(Warehouse, "main", "s", "t")), duckDb).GetSnapshotAsync(null);
        Assert.Equal("the label", snapshot.Schema.Find("v")!.Metadata!["comment"]!.GetValue<string>());
        // Pages and search read the catalog: the comment is the column's description there too.
        var described = await Catalog.FindTableAsync(new Engine.Catalog.SecurablePath("main", "s", "t"));
        Assert.Equal("the label", described!.Columns.Single(c => c.Name == "v").Description);
        Assert.Equal([[1L, "a"]], await Rows("SELECT id, v FROM s.t"));
    }

    [Theory]
    [InlineData("ALTER TABLE s.t ALTER COLUMN nope COMMENT 'x'", "nope")]
    [InlineData("ALTER TABLE s.t ADD COLUMNS (score NOT_A_TYPE)", "NOT_A_TYPE")]
    [InlineData("ALTER TABLE s.t SET TBLPROPERTIES (team = sales)", "quoted strings")]
    [InlineData("ALTER TABLE s.t RENAME TO u", "does not understand 'RENAME'")]
    public async Task Bad_alter_table_fails_clearly_and_leaves_the_table_unchanged(string sql, string named)
    {
        await Run(Orders);

        var error = await Fails(sql);

        Assert.Contains(named, error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, (await Rows("DESCRIBE HISTORY s.t"))[0][0]);
    }
}
