using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

/// <summary>The service keeps tables' latest snapshots across statements; every statement still reads the latest commit.</summary>
public sealed class SnapshotReuseTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Fact]
    public async Task A_commit_by_another_writer_is_read_by_the_next_statement()
    {
        var folder = Path.Combine(External, "events");
        Directory.CreateDirectory(folder);
        // Another process: its own DuckDB and its own table object, nothing shared with the service.
        using var other = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        var writer = new DeltaTable(new LocalObjectStore(folder), other);
        await writer.CreateAsync(new TableDefinition(), "SELECT * FROM (VALUES (1), (2)) AS v(id)");
        await Run($"CREATE SCHEMA s; CREATE TABLE s.events USING DELTA LOCATION '{folder}'");
        Assert.Equal([[2L]], await Rows("SELECT count(*) FROM s.events"));

        await writer.AppendAsync("SELECT 3 AS id");
        var results = await Run("SELECT count(*) FROM s.events");

        Assert.Equal([[3L]], results[0].Rows);
        Assert.Equal(1, Assert.Single(results[0].TablesRead).Version);
    }

    [Fact]
    public async Task Several_commits_between_statements_are_all_read()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id");
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));

        await Run("INSERT INTO s.t VALUES (2); INSERT INTO s.t VALUES (3); DELETE FROM s.t WHERE id = 1");

        Assert.Equal([[2], [3]], await Rows("SELECT id FROM s.t ORDER BY id"));
    }

    [Fact]
    public async Task A_table_dropped_and_created_again_under_the_same_name_is_read_anew()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 'old' AS v; INSERT INTO s.t VALUES ('old')");
        Assert.Equal([[2L]], await Rows("SELECT count(*) FROM s.t"));

        // The same location and the same version numbers, other content.
        await Run("DROP TABLE s.t; CREATE TABLE s.t AS SELECT 'new' AS v; INSERT INTO s.t VALUES ('new'); INSERT INTO s.t VALUES ('new')");

        Assert.Equal([["new", 3L]], await Rows("SELECT v, count(*) FROM s.t GROUP BY v"));
    }

    [Fact]
    public async Task Time_travel_reads_the_asked_version_beside_the_reused_latest()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id; INSERT INTO s.t VALUES (2)");
        Assert.Equal([[2L]], await Rows("SELECT count(*) FROM s.t"));

        Assert.Equal([[1L, 2L]], await Rows("SELECT (SELECT count(*) FROM s.t VERSION AS OF 0), (SELECT count(*) FROM s.t)"));
    }
}
