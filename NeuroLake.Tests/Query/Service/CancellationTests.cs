using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class CancellationTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    // Uncancelled, each of these runs for hours; the tests wait until DuckDB reports progress on it, then cancel.
    // DuckDB estimates progress from table scans (range() reports none), hence a catalog table.
    private const string LongJoin = "SELECT a.x FROM s.big AS a, s.big AS b WHERE (a.x * 31 + b.x) % 1000003 = 7";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Run("CREATE SCHEMA s; CREATE TABLE s.big AS SELECT range AS x FROM range(2000000)");
    }

    [Fact]
    public async Task Progress_is_readable_while_a_query_runs_and_cancelling_stops_it()
    {
        var progress = new QueryProgress();
        using var cancel = new CancellationTokenSource();
        var running = Service.ExecuteAsync($"SELECT 1; SELECT count(*) FROM ({LongJoin})",
            Request() with { Progress = progress }, cancel.Token);

        var percent = await WaitForProgressAsync(progress, running, statementIndex: 1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.InRange(percent, 0, 100);
        Assert.Equal(1, progress.StatementIndex);
        Assert.Equal(2, progress.StatementCount);
        Assert.Equal("reading", progress.Phase);
    }

    [Fact]
    public async Task A_cancelled_create_table_as_select_leaves_no_table_files_or_catalog_entry()
    {
        var progress = new QueryProgress();
        using var cancel = new CancellationTokenSource();
        var running = Service.ExecuteAsync($"CREATE TABLE s.out AS {LongJoin}", Request() with { Progress = progress }, cancel.Token);

        await WaitForProgressAsync(progress, running);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("writing", progress.Phase);
        Assert.Null(await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "out")));
        Assert.False(Directory.Exists(Path.Combine(Warehouse, "main", "s", "out")));
        Assert.DoesNotContain((await Run("SHOW TABLES IN s"))[0].Rows, row => row.Contains("out"));
        await Run("CREATE TABLE s.out AS SELECT 1 AS x");
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.out"));
    }

    [Fact]
    public async Task A_cancelled_insert_commits_no_version()
    {
        await Run("CREATE TABLE s.t AS SELECT 1::BIGINT AS x");
        using var cancel = new CancellationTokenSource();
        var progress = new QueryProgress();
        var running = Service.ExecuteAsync($"INSERT INTO s.t {LongJoin}", Request() with { Progress = progress }, cancel.Token);

        await WaitForProgressAsync(progress, running);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));
        Assert.Equal(0, (await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "t")))!.CurrentVersion);
        Assert.Single((await Run("DESCRIBE HISTORY s.t"))[0].Rows);
    }

    [Fact]
    public async Task A_cancelled_statement_is_in_the_history_as_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new QueryProgress();
        var running = Service.ExecuteAsync(LongJoin, Request() with { Progress = progress }, cancel.Token);

        await WaitForProgressAsync(progress, running);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var entry = Assert.Single(await History.SearchAsync(new QueryHistorySearch(Status: QueryStatus.Cancelled)));
        Assert.Equal(LongJoin, entry.Sql);
        Assert.Equal("ana", entry.User);
        Assert.Null(entry.Rows);
    }

    /// <summary>Waits (up to a loose 30 s) until DuckDB reports progress on the given running statement.</summary>
    private static async Task<double> WaitForProgressAsync(QueryProgress progress, Task running, int statementIndex = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (running.IsCompleted)
            {
                await running;
                Assert.Fail("The statement ended before it could be cancelled.");
            }

            if (progress.StatementIndex == statementIndex && progress.Phase != "done" && progress.Percent is { } percent)
            {
                return percent;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("DuckDB reported no progress within 30 s.");
    }
}
