using System.Diagnostics;
using NeuroLake.Engine.DuckDb;
using Xunit.Abstractions;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbCancellationTests(ITestOutputHelper output)
{
    // Minutes of work on two cores: it only ends early by being cancelled.
    private const string EndlessAggregate = "SELECT sum(hash(i)) FROM range(100000000000) t(i)";

    [Fact]
    public void Cancelling_a_long_aggregate_stops_it_with_OperationCanceledException()
    {
        using var db = new InMemoryDuckDb();
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var cancelledAt = TimeSpan.Zero;
        using var timer = new Timer(_ =>
        {
            cancelledAt = clock.Elapsed;
            cancellation.Cancel();
        }, null, 300, Timeout.Infinite);

        var error = Assert.ThrowsAny<OperationCanceledException>(() => db.Connection.ExecuteScalar(EndlessAggregate, cancellation.Token));

        var latency = clock.Elapsed - cancelledAt;
        output.WriteLine($"cancellation latency: {latency.TotalMilliseconds:F0} ms");
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(latency < TimeSpan.FromSeconds(5), $"took {latency} to stop");
    }

    [Fact]
    public void Cancelling_while_streaming_rows_stops_the_reader()
    {
        using var db = new InMemoryDuckDb();
        using var cancellation = new CancellationTokenSource();
        var rows = 0L;
        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            using var reader = db.Connection.ExecuteReader("SELECT hash(i) FROM range(100000000000) t(i)", cancellation.Token);
            while (reader.Read())
            {
                if (++rows == 100_000)
                {
                    clock.Restart();
                    cancellation.Cancel();
                }
            }
        });

        output.WriteLine($"stopped {clock.Elapsed.TotalMilliseconds:F0} ms after cancelling, at row {rows}");
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.InRange(rows, 100_000, 100_000 + 2048);
    }

    [Fact]
    public void The_connection_runs_the_next_query_after_a_cancellation()
    {
        using var db = new InMemoryDuckDb();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => db.Connection.ExecuteScalar(EndlessAggregate, cancellation.Token));
        Assert.Equal(42, db.Scalar("SELECT 42"));
    }

    [Fact]
    public void An_interrupt_while_idle_does_not_fail_the_next_query()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Interrupt();
        Assert.Equal(1, db.Scalar("SELECT 1"));
    }

    [Fact]
    public void An_already_cancelled_token_runs_nothing()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TABLE t (i INTEGER)");
        Assert.ThrowsAny<OperationCanceledException>(() =>
            db.Connection.ExecuteNonQuery("INSERT INTO t VALUES (1)", new CancellationToken(canceled: true)));
        Assert.Equal(0L, db.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Interrupt_from_another_thread_fails_the_query_with_DuckDBs_message()
    {
        using var db = new InMemoryDuckDb();
        using var timer = new Timer(_ => db.Connection.Interrupt(), null, 300, Timeout.Infinite);
        var error = Assert.Throws<DuckDbException>(() => db.Connection.ExecuteScalar(EndlessAggregate));
        Assert.Contains("Interrupt", error.DuckDbMessage, StringComparison.OrdinalIgnoreCase);
    }
}
