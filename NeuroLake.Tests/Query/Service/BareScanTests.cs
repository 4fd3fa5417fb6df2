using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

/// <summary>
/// Tables whose files have exactly the table's columns are read through a bare read_parquet call (faster to plan than a
/// subquery); any other shape through the snapshot's relation. Either way a query sees the table's schema and rows,
/// and never the scan's virtual columns, which would reveal server paths.
/// </summary>
public sealed class BareScanTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private string TableFolder(string table) => Path.Combine(Warehouse, "main", "s", table);

    private async Task<(string FromItem, string Relation)> FromItemOf(string table)
    {
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        var snapshot = await new DeltaTable(new LocalObjectStore(TableFolder(table)), duckDb).GetSnapshotAsync(null);
        var relation = SnapshotRelation.ToSql(snapshot);
        return (new SnapshotFromItems(duckDb).Of(snapshot, relation), relation);
    }

    [Fact]
    public async Task A_table_whose_files_have_exactly_its_columns_is_read_by_a_bare_scan()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id, 'a' AS name; INSERT INTO s.t VALUES (2, 'b')");

        var (fromItem, _) = await FromItemOf("t");

        Assert.StartsWith("read_parquet([", fromItem, StringComparison.Ordinal);
        Assert.Contains("union_by_name = true", fromItem, StringComparison.Ordinal);
        Assert.Equal([[1, "a"], [2, "b"]], await Rows("SELECT * FROM s.t ORDER BY id"));
    }

    [Fact]
    public async Task A_file_without_a_column_added_later_is_read_through_the_relation_and_the_column_reads_null()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id; ALTER TABLE s.t ADD COLUMN note VARCHAR");

        var (fromItem, relation) = await FromItemOf("t");
        var results = await Run("SELECT * FROM s.t");

        Assert.Equal("(" + relation + ")", fromItem);
        Assert.Equal(["id", "note"], results[0].Columns.Select(c => c.Name));
        Assert.Equal([[1, null]], results[0].Rows);
    }

    [Fact]
    public async Task Files_of_other_types_than_the_tables_are_read_with_the_tables_types()
    {
        // Another engine's files: an INTEGER and a zone-less TIMESTAMP where the log says long and timestamp (UTC).
        var folder = Path.Combine(External, "other");
        Directory.CreateDirectory(Path.Combine(folder, "_delta_log"));
        var file = Path.Combine(folder, "part-0.parquet");
        using (var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 }))
        using (var connection = duckDb.Connect())
        {
            connection.Execute($"COPY (SELECT 7::INTEGER AS id, TIMESTAMP '2020-01-02 03:04:05' AS ts) TO '{file}' (FORMAT parquet)");
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "_delta_log", "00000000000000000000.json"),
        [
            """{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""",
            """{"metaData":{"id":"x","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},{\"name\":\"ts\",\"type\":\"timestamp\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":[],"configuration":{}}}""",
            $$$"""{"add":{"path":"part-0.parquet","partitionValues":{},"size":{{{new FileInfo(file).Length}}},"modificationTime":0,"dataChange":true}}""",
        ]);

        var results = await Run($"CREATE SCHEMA s; CREATE TABLE s.other USING DELTA LOCATION '{folder}'; SELECT typeof(id), typeof(ts), id FROM s.other");

        Assert.Equal([["BIGINT", "TIMESTAMP WITH TIME ZONE", 7L]], results[^1].Rows);
    }

    [Theory]
    [InlineData("SELECT filename FROM s.t")]
    [InlineData("SELECT \"FILENAME\" FROM s.t")]
    [InlineData("SELECT t.file_row_number, t.file_index FROM s.t AS t")]
    [InlineData("SELECT * FROM s.t JOIN (SELECT 'x' AS filename) USING (filename)")]
    [InlineData("SELECT count(*) FROM s.t WHERE filename LIKE '%warehouse%'")]
    [InlineData("SELECT max(length(filename)) FROM (SELECT * FROM s.t), s.t AS u")]
    public async Task The_scans_virtual_columns_are_not_there_for_a_query(string sql)
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id");

        var error = await Fails(sql);

        Assert.Contains("Binder Error", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DataFolder, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(".parquet", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_column_named_like_a_virtual_column_reads_its_own_values()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 'report.pdf' AS filename, 3 AS file_index");

        Assert.Equal([["report.pdf", 3]], await Rows("SELECT filename, file_index FROM s.t"));
    }
}
