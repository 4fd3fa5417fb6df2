using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class ScriptResultTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Fact]
    public async Task Rows_past_the_limit_are_dropped_and_flagged()
    {
        var over = (await Run("SELECT * FROM range(25)", rowLimit: 10))[0];
        var exact = (await Run("SELECT * FROM range(10)", rowLimit: 10))[0];

        Assert.Equal((10, true), (over.Rows.Count, over.HasMoreRows));
        Assert.Equal((10, false), (exact.Rows.Count, exact.HasMoreRows));
        Assert.Equal(9L, exact.Rows[^1][0]);
    }

    [Fact]
    public async Task Each_statement_gets_its_own_result_with_kind_and_line()
    {
        var results = await Run("SELECT 1 AS a;\n\nVALUES (2), (3);\nEXPLAIN SELECT 42");

        Assert.Equal([(0, 1, StatementKind.Query), (1, 3, StatementKind.Query), (2, 4, StatementKind.Explain)],
            results.Select(r => (r.Index, r.Line, r.Kind)));
        Assert.Equal([[2], [3]], results[1].Rows);
        Assert.NotEmpty(results[2].Rows);
    }

    [Fact]
    public async Task An_unknown_table_is_named_and_the_error_says_how_to_list_tables()
    {
        var error = await Fails("SELECT * FROM sales.nope");

        Assert.Contains("sales.nope", error.Reason);
        Assert.Contains("SHOW TABLES", error.Reason);
    }

    [Fact]
    public async Task A_failing_statement_stops_the_script_and_is_named_with_duckdbs_message()
    {
        var error = await Fails("""
            CREATE SCHEMA first;
            SELECT no_such_column FROM (VALUES (1)) AS v(a);
            CREATE SCHEMA never;
            """);

        Assert.Equal((1, 2), (error.StatementIndex, error.Line));
        Assert.Contains("no_such_column", error.Reason);
        Assert.StartsWith("Statement 2 (line 2) failed:", error.Message);
        Assert.Single(error.Completed);
        Assert.Equal(["first"], (await Catalog.ListSchemasAsync("main")).Select(s => s.Schema));
    }

    [Fact]
    public async Task Cancelling_stops_a_running_query_long_before_it_would_finish()
    {
        // Uncancelled, this join runs for hours; the bound is loose on purpose (noisy machines), the 1 s goal is a benchmark's job.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Service.ExecuteAsync("SELECT count(*) FROM range(10000000000) AS a, range(10) AS b WHERE a.range % 7 = b.range", Request(), cancel.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Explain_plans_a_query_over_catalog_tables_and_explain_analyze_profiles_it()
    {
        var results = await Run("""
            CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x;
            EXPLAIN SELECT x FROM s.t;
            EXPLAIN ANALYZE SELECT x FROM s.t VERSION AS OF 0;
            TABLE s.t;
            """);

        Assert.Contains("PARQUET", string.Join("\n", results[2].Rows.Select(r => r[^1])), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([new TableVersion("s", "t", 0)], results[3].TablesRead);
        Assert.NotEmpty(results[3].Rows);
        Assert.Equal([[1]], results[4].Rows);
    }

    [Fact]
    public async Task Explaining_a_write_is_refused_and_writes_nothing()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x;");

        var error = await Fails("EXPLAIN INSERT INTO s.t VALUES (2)");

        Assert.Contains("EXPLAIN", error.Reason);
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));
    }
}
