using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class MaintenanceTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string ThreeInserts = """
        CREATE SCHEMA s;
        CREATE TABLE s.t (id BIGINT, v VARCHAR) TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours');
        INSERT INTO s.t VALUES (1, 'a'), (2, 'b');
        INSERT INTO s.t VALUES (3, 'c');
        INSERT INTO s.t VALUES (4, 'd');
        """;

    private Task<IReadOnlyList<object?[]>> AllRows() => Rows("SELECT id, v FROM s.t ORDER BY id");

    private async Task<string> LastOperation() => (string)(await Rows("DESCRIBE HISTORY s.t"))[0][2]!;

    private static object? Column(StatementResult result, string name) =>
        result.Rows.Single()[result.Columns.Select(c => c.Name).ToList().IndexOf(name)];

    [Theory]
    [InlineData("OPTIMIZE s.t")]
    [InlineData("OPTIMIZE s.t ZORDER BY (id, v)")]
    public async Task Optimize_compacts_small_files_into_one_keeps_the_rows_and_returns_its_metrics(string optimize)
    {
        await Run(ThreeInserts);
        var before = await AllRows();

        var result = (await Run(optimize))[0];

        Assert.Equal((3L, 1L), (Column(result, "numFilesRemoved"), Column(result, "numFilesAdded")));
        Assert.Equal(new TableVersion("s", "t", 4), result.TableWritten);
        Assert.Equal(before, await AllRows());
        Assert.Equal("OPTIMIZE", await LastOperation());
    }

    [Fact]
    public async Task Vacuum_dry_run_lists_the_removed_file_and_vacuum_then_deletes_it()
    {
        await Run(ThreeInserts + "DELETE FROM s.t WHERE id = 3;");
        await Task.Delay(50);

        var dryRun = (await Run("VACUUM s.t RETAIN 0 HOURS DRY RUN"))[0];

        Assert.Equal([("path", "VARCHAR"), ("size_in_bytes", "BIGINT")], dryRun.Columns.Select(c => (c.Name, c.Type)));
        var (path, size) = ((string)dryRun.Rows.Single()[0]!, (long)dryRun.Rows.Single()[1]!);
        var file = Path.Combine(Warehouse, "main", "s", "t", path);
        Assert.Equal(size, new FileInfo(file).Length);
        Assert.Null(dryRun.TableWritten);

        var vacuum = (await Run("VACUUM s.t RETAIN 0 HOURS"))[0];

        Assert.Equal(path, vacuum.Rows.Single()[0]);
        Assert.False(File.Exists(file));
        Assert.Equal([[1L, "a"], [2L, "b"], [4L, "d"]], await AllRows());
        Assert.Equal("VACUUM END", await LastOperation());
    }

    [Theory]
    [InlineData("VACUUM s.t RETAIN -1 HOURS", "0 hours or more")]
    [InlineData("VACUUM s.t RETAIN 1 DAYS", "RETAIN n HOURS")]
    [InlineData("OPTIMIZE s.t WHERE id IN (SELECT id FROM s.t)", "subqueries")]
    [InlineData("OPTIMIZE s.t WHERE id IN (SELECT * FROM read_parquet('x'))", "read_parquet")]
    [InlineData("OPTIMIZE s.t ZORDER BY (nope)", "nope")]
    [InlineData("RESTORE TABLE s.t TO VERSION AS OF 42", "42")]
    public async Task Bad_maintenance_statements_fail_clearly_and_leave_the_table_unchanged(string sql, string named)
    {
        await Run(ThreeInserts);
        var files = Directory.GetFiles(Path.Combine(Warehouse, "main", "s", "t"), "*", SearchOption.AllDirectories).Length;

        var error = await Fails(sql);

        Assert.Contains(named, error.Reason);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(Warehouse, "main", "s", "t"), "*", SearchOption.AllDirectories).Length);
        Assert.Equal(3L, (await Rows("DESCRIBE HISTORY s.t"))[0][0]);
    }

    [Fact]
    public async Task Restore_to_an_old_version_brings_back_its_rows_and_returns_restore_metrics()
    {
        await Run(ThreeInserts + "DELETE FROM s.t WHERE id < 3;");

        var result = (await Run("RESTORE TABLE s.t TO VERSION AS OF 2"))[0];

        Assert.Equal((2L, 1L), (Column(result, "num_of_files_after_restore"), Column(result, "num_restored_files")));
        Assert.Equal(new TableVersion("s", "t", 5), result.TableWritten);
        Assert.Equal([[1L, "a"], [2L, "b"], [3L, "c"]], await AllRows());
        Assert.Equal("RESTORE", await LastOperation());
    }

    [Fact]
    public async Task Restore_to_a_timestamp_takes_the_version_committed_by_then()
    {
        await Run(ThreeInserts);
        var history = await Rows("DESCRIBE HISTORY s.t");
        var atVersion1 = ((DateTimeOffset)history.Single(h => (long)h[0]! == 1)[1]!).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff");

        await Run($"RESTORE TABLE s.t TO TIMESTAMP AS OF '{atVersion1}'");

        Assert.Equal([[1L, "a"], [2L, "b"]], await AllRows());
    }
}
