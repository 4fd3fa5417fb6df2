using NeuroLake.Engine.DuckDb;
using Xunit.Abstractions;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbQueryProgressTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Progress_of_a_long_query_is_readable_from_another_thread()
    {
        using var db = new InMemoryDuckDb();
        // DuckDB estimates progress from table scans (the range() function reports none).
        db.Connection.Execute("CREATE TABLE big AS SELECT range AS i FROM range(20000000)");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var query = Task.Run(() => db.Connection.ExecuteScalar("SELECT sum(length(md5(i::VARCHAR || 'salt'))) FROM big", cancellation.Token));

        var best = -1.0;
        while (!query.IsCompleted && best <= 0)
        {
            await Task.Delay(20);
            best = Math.Max(best, db.Connection.QueryProgress);
        }

        await cancellation.CancelAsync();
        try
        {
            await query;
        }
        catch (OperationCanceledException)
        {
            // Expected once progress was seen: the test stops the query early.
        }

        output.WriteLine($"progress seen: {best}%");
        Assert.InRange(best, double.Epsilon, 100);
    }

    [Fact]
    public void Progress_is_minus_one_when_nothing_runs()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(-1, db.Connection.QueryProgress);
    }
}

public sealed class DuckDbQuietConnectionTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Reserved_connections_track_progress_only_for_activities_that_read_it(bool trackProgress, string expected)
    {
        using var database = DuckDbDatabase.Open();
        database.ReserveTrackedConnections(1, profile: true);
        database.LockConfiguration();
        using var activity = DuckDbActivity.Begin(trackProgress);

        using var connection = database.ConnectTracked();

        Assert.Equal(expected, Convert.ToString(connection.ExecuteScalar("SELECT current_setting('enable_progress_bar')"), System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
        // Profiled either way: the statement's CPU reaches the activity (metering) whether or not progress is tracked.
        Assert.NotNull(connection.ProfiledMetric("CPU_TIME"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Plain_connections_of_an_open_database_follow_the_activity_too(bool trackProgress, string expected)
    {
        using var database = DuckDbDatabase.Open();
        using var activity = DuckDbActivity.Begin(trackProgress);

        using var connection = database.Connect();

        Assert.Equal(expected, Convert.ToString(connection.ExecuteScalar("SELECT current_setting('enable_progress_bar')"), System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
    }

    [Fact]
    public void An_activity_inside_one_that_reads_progress_tracks_it_too()
    {
        using var database = DuckDbDatabase.Open();
        database.ReserveTrackedConnections(1);
        database.LockConfiguration();
        using var outer = DuckDbActivity.Begin();
        using var inner = DuckDbActivity.Begin(trackProgress: false);

        using var connection = database.ConnectTracked();

        Assert.True(inner.TracksProgress);
        Assert.Equal("true", Convert.ToString(connection.ExecuteScalar("SELECT current_setting('enable_progress_bar')"), System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
    }
}
