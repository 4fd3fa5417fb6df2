using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class DropAndDetailTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string TwoTables = """
        CREATE SCHEMA s;
        CREATE TABLE s.keep (x INTEGER);
        CREATE TABLE s.gone (id BIGINT, region VARCHAR) PARTITIONED BY (region) TBLPROPERTIES ('team' = 'sales');
        INSERT INTO s.gone VALUES (1, 'eu'), (2, 'us');
        """;

    [Fact]
    public async Task Dropping_a_managed_table_removes_it_from_show_tables_and_deletes_its_folder()
    {
        await Run(TwoTables);
        var folder = Path.Combine(Warehouse, "main", "s", "gone");
        Assert.True(Directory.Exists(folder));

        await Run("DROP TABLE s.gone");

        Assert.Equal([["s", "keep"]], await Rows("SHOW TABLES IN s"));
        Assert.False(Directory.Exists(folder));
        Assert.Contains("does not exist", (await Fails("SELECT * FROM s.gone")).Reason);
        Assert.Contains("IF EXISTS", (await Fails("DROP TABLE s.gone")).Reason);
        Assert.Empty((await Run("DROP TABLE IF EXISTS s.gone"))[0].Rows);
    }

    [Fact]
    public async Task Dropping_an_external_table_forgets_it_but_keeps_its_data()
    {
        var folder = Path.Combine(External, "people");
        Directory.CreateDirectory(folder);
        using (var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 }))
        {
            await new DeltaTable(new LocalObjectStore(folder), duckDb).CreateAsync(new TableDefinition(), "SELECT 1 AS id");
        }

        await Run($"CREATE SCHEMA s; CREATE TABLE s.people USING DELTA LOCATION '{folder}'; DROP TABLE s.people;");

        Assert.Empty(await Rows("SHOW TABLES IN s"));
        Assert.True(Directory.Exists(Path.Combine(folder, "_delta_log")));
        await Run($"CREATE TABLE s.people USING DELTA LOCATION '{folder}'");
        Assert.Equal([[1]], await Rows("SELECT id FROM s.people"));
    }

    [Fact]
    public async Task Describe_detail_returns_one_row_with_format_location_version_files_size_partitions_and_properties()
    {
        await Run(TwoTables);

        var result = (await Run("DESCRIBE DETAIL s.gone"))[0];

        var row = result.Columns.Select(c => c.Name).Zip(result.Rows.Single()).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("delta", row["format"]);
        Assert.Equal("main.s.gone", row["name"]);
        Assert.Equal(Path.Combine(Warehouse, "main", "s", "gone"), row["location"]);
        Assert.Equal((1L, 2L), (row["version"], row["numFiles"]));
        var size = Directory.GetFiles(Path.Combine(Warehouse, "main", "s", "gone"), "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.Equal(size, row["sizeInBytes"]);
        Assert.Equal("[\"region\"]", row["partitionColumns"]);
        Assert.Contains("\"team\":\"sales\"", (string)row["properties"]!);
    }
}
