using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Export;

public sealed class ExportTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const int TableRows = 25_000;

    [Theory]
    [InlineData(ExportFormat.Csv, "read_csv")]
    [InlineData(ExportFormat.Parquet, "read_parquet")]
    [InlineData(ExportFormat.Json, "read_json")]
    public async Task Export_streams_the_whole_result_past_the_row_limit(ExportFormat format, string reader)
    {
        await Run($"CREATE SCHEMA s; CREATE TABLE s.t AS SELECT range AS id, 'name ' || range AS name FROM range({TableRows})");
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "out." + format.ToString().ToLowerInvariant());

        var interactive = await Service.ExecuteAsync("SELECT * FROM s.t", new QueryRequest("ana"));
        ExportResult result;
        await using (var stream = File.Create(file))
        {
            result = await Service.ExportAsync("SELECT * FROM s.t -- every row", new QueryRequest("ana"), format, stream);
        }

        Assert.Equal((10_000, true), (interactive[0].Rows.Count, interactive[0].HasMoreRows));
        Assert.Equal(TableRows, result.Rows);
        Assert.Equal(new FileInfo(file).Length, result.Bytes);
        using var duckDb = DuckDbDatabase.Open();
        using var connection = duckDb.Connect();
        Assert.Equal((long)TableRows, connection.ExecuteScalar($"SELECT count(*) FROM {reader}('{file}')"));
        Assert.Equal((long)TableRows - 1, connection.ExecuteScalar($"SELECT max(id) FROM {reader}('{file}')"));
        Assert.Empty(ScratchExports());
    }

    [Fact]
    public async Task Export_reads_an_older_version_with_time_travel()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x; INSERT INTO s.t VALUES (2)");
        using var stream = new MemoryStream();

        var result = await Service.ExportAsync("SELECT * FROM s.t VERSION AS OF 0", Request(), ExportFormat.Json, stream);

        Assert.Equal(1, result.Rows);
        Assert.Equal("{\"x\":1}\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData("INSERT INTO s.t VALUES (5)", "one query")]
    [InlineData("SELECT 1; SELECT 2", "exactly one query")]
    [InlineData("DELETE FROM s.t", "one query")]
    public async Task Export_refuses_anything_but_one_query_and_changes_nothing(string sql, string message)
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x");
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<QueryRefusedException>(() => Service.ExportAsync(sql, Request(), ExportFormat.Csv, stream));

        Assert.Contains(message, error.Message);
        Assert.Equal(0, stream.Length);
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));
    }

    [Fact]
    public async Task The_users_own_copy_stays_refused()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<ForbiddenStatementException>(
            () => Service.ExportAsync("COPY (SELECT 1) TO '/tmp/x.csv'", Request(), ExportFormat.Csv, stream));
    }

    [Fact]
    public async Task Bad_sql_in_an_export_carries_duckdbs_message_and_leaves_no_file()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x");
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<QueryFailedException>(
            () => Service.ExportAsync("SELECT nope FROM s.t", Request(), ExportFormat.Parquet, stream));

        Assert.Contains("nope", error.Reason);
        Assert.Equal(0, stream.Length);
        Assert.Empty(ScratchExports());
    }

    [Fact]
    public async Task The_default_row_limit_comes_from_the_service_options()
    {
        var results = await Service.ExecuteAsync("SELECT * FROM range(10001)", new QueryRequest("ana"));
        var limited = await Service.ExecuteAsync("SELECT * FROM range(10)", new QueryRequest("ana", RowLimit: 3));

        Assert.Equal((10_000, true), (results[0].Rows.Count, results[0].HasMoreRows));
        Assert.Equal((3, true), (limited[0].Rows.Count, limited[0].HasMoreRows));
    }

    [Fact]
    public async Task Large_queries_spill_into_the_services_scratch_folder_and_users_cannot_read_the_setting()
    {
        var folder = Assert.Single(Directory.EnumerateDirectories(Scratch, "neurolake-query-*"));

        Assert.True(Directory.Exists(Path.Combine(folder, "spill")));
        var error = await Fails("SELECT current_setting('temp_directory')");
        Assert.Contains("current_setting", error.Reason);
        Assert.DoesNotContain(folder, error.Message);
    }

    private IEnumerable<string> ScratchExports() =>
        Directory.EnumerateDirectories(Scratch, "neurolake-query-*")
            .SelectMany(d => Directory.Exists(Path.Combine(d, "exports")) ? Directory.EnumerateFiles(Path.Combine(d, "exports")) : []);
}
