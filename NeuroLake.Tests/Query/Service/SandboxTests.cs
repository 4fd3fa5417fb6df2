using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

public sealed class SandboxTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT * FROM '/etc/passwd'", "/etc/passwd")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')", "read_text")]
    [InlineData("SELECT * FROM (SELECT 1) AS a JOIN read_parquet('/tmp/x.parquet') AS b ON true", "read_parquet")]
    public async Task Reading_files_directly_is_refused_naming_what_was_refused(string sql, string named)
    {
        var error = await Fails(sql);

        Assert.IsType<QueryRefusedException>(error.InnerException);
        Assert.Contains(named, error.Reason);
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO '/tmp/x.csv'")]
    [InlineData("ATTACH '/tmp/other.db'")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("PRAGMA enable_profiling")]
    public async Task Statements_that_reach_outside_the_warehouse_are_forbidden(string sql)
    {
        var error = await Fails(sql);

        Assert.IsType<ForbiddenStatementException>(error.InnerException);
    }

    [Fact]
    public void The_services_duckdb_itself_refuses_files_outside_the_warehouse_but_reads_inside_it()
    {
        using var outside = new TempFolder();
        using var scratch = new QueryScratch(outside.Path);
        using var database = QuerySandbox.OpenDatabase(new QueryServiceOptions { WarehouseRoot = Warehouse, Threads = 1 }, scratch);
        using var connection = database.Connect();
        Directory.CreateDirectory(Warehouse);
        var inside = Path.Combine(Warehouse, "probe.parquet");

        connection.ExecuteNonQuery($"COPY (SELECT 7 AS x) TO '{inside}' (FORMAT parquet)");

        Assert.Equal(7, connection.ExecuteScalar($"SELECT x FROM read_parquet('{inside}')"));
        Assert.Contains("disabled by configuration", Assert.Throws<DuckDbException>(() => connection.Execute("SELECT * FROM read_csv('/etc/passwd')")).Message);
        Assert.Throws<DuckDbException>(() => connection.Execute($"COPY (SELECT 1) TO '{Path.Combine(outside.Path, "x.csv")}'"));
        Assert.False(File.Exists(Path.Combine(outside.Path, "x.csv")));
    }

    [Fact]
    public async Task Safe_table_functions_still_work()
    {
        Assert.Equal([[3L]], await Rows("SELECT count(*) FROM range(3)"));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv_auto('/etc/passwd')")]
    [InlineData("SELECT * FROM read_json('/etc/passwd')")]
    [InlineData("SELECT * FROM read_blob('/etc/passwd')")]
    [InlineData("SELECT * FROM glob('/etc/*')")]
    [InlineData("SELECT * FROM sniff_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM parquet_metadata('/tmp/x.parquet')")]
    [InlineData("SELECT * FROM 'https://example.com/x.csv'")]
    [InlineData("WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x")]
    [InlineData("SELECT (SELECT count(*) FROM read_csv('/etc/passwd'))")]
    [InlineData("EXPORT DATABASE '/tmp/neurolake-export'")]
    [InlineData("IMPORT DATABASE '/tmp/neurolake-export'")]
    [InlineData("CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')")]
    [InlineData("CREATE VIEW v AS SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("DETACH memory")]
    [InlineData("RESET enable_external_access")]
    [InlineData("CALL pragma_version()")]
    [InlineData("CREATE SCHEMA s; INSERT INTO s.t SELECT * FROM read_csv('/etc/passwd')")]
    public async Task Other_escape_routes_are_refused_before_duckdb_runs_them(string sql)
    {
        var error = await Fails(sql);

        Assert.Contains("not allowed", error.Reason);
    }
}
