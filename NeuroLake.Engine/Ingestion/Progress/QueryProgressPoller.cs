using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// Copies DuckDB's progress estimate into an <see cref="IngestionProgress"/> while a phase runs. DuckDB statements
/// block the calling thread, so a timer reads the estimate; the connections are those the phase opens, found by a
/// <see cref="DuckDbConnectionWatch"/>, plus one the caller already holds.
/// </summary>
internal sealed class QueryProgressPoller : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly IngestionProgress _progress;
    private readonly DuckDbConnection? _connection;
    private readonly DuckDbConnectionWatch _watch;
    private readonly Timer _timer;

    private QueryProgressPoller(IngestionProgress progress, DuckDbConnection? connection)
    {
        _progress = progress;
        _connection = connection;
        _watch = DuckDbConnectionWatch.Start();
        _timer = new Timer(_ => Poll(), null, Interval, Interval);
    }

    /// <summary>Begins <paramref name="phase"/> and follows its queries; null when there is no progress to report.</summary>
    public static QueryProgressPoller? Start(IngestionProgress? progress, IngestionPhase phase, long? bytesTotal = null, DuckDbConnection? connection = null)
    {
        if (progress is null)
        {
            return null;
        }

        progress.Begin(phase, bytesTotal);
        return new QueryProgressPoller(progress, connection);
    }

    private void Poll()
    {
        var percent = _connection?.QueryProgress is >= 0 and var own ? own : _watch.Progress;
        if (percent is { } value)
        {
            _progress.ReportPercent(value);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _watch.Dispose();
    }
}
