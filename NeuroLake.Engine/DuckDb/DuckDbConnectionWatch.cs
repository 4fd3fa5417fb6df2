namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Collects the connections opened on the current async flow while it is active, so a caller that hands work to code
/// opening connections of its own (Delta writes) can read their <see cref="DuckDbConnection.QueryProgress"/> or
/// interrupt them. Watches nest; disposing one restores the outer.
/// </summary>
public sealed class DuckDbConnectionWatch : IDisposable
{
    private static readonly AsyncLocal<DuckDbConnectionWatch?> Active = new();
    private readonly DuckDbConnectionWatch? _outer;
    private readonly Lock _gate = new();
    private readonly List<DuckDbConnection> _connections = [];

    private DuckDbConnectionWatch(DuckDbConnectionWatch? outer) => _outer = outer;

    /// <summary>Starts watching connections opened from here on by this flow (and flows it starts).</summary>
    public static DuckDbConnectionWatch Start()
    {
        var watch = new DuckDbConnectionWatch(Active.Value);
        Active.Value = watch;
        return watch;
    }

    /// <summary>
    /// Progress in percent (0..100) of the most recently opened connection whose query DuckDB can estimate,
    /// or null when none runs such a query now.
    /// </summary>
    public double? Progress
    {
        get
        {
            lock (_gate)
            {
                for (var i = _connections.Count - 1; i >= 0; i--)
                {
                    var percent = _connections[i].QueryProgress;
                    if (percent >= 0)
                    {
                        return percent;
                    }
                }
            }

            return null;
        }
    }

    internal static void Opened(DuckDbConnection connection)
    {
        for (var watch = Active.Value; watch is not null; watch = watch._outer)
        {
            lock (watch._gate)
            {
                // Dropping closed connections keeps a long load's list short.
                watch._connections.RemoveAll(c => c.Handle.IsClosed);
                watch._connections.Add(connection);
            }
        }
    }

    public void Dispose()
    {
        if (Active.Value == this)
        {
            Active.Value = _outer;
        }

        lock (_gate)
        {
            _connections.Clear();
        }
    }
}
