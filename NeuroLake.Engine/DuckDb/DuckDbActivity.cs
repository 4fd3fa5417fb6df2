namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// The connections opened in one async flow while the activity is current, so a caller can read the progress of
/// DuckDB work that other code (the table layer's writes) runs on connections of its own.
/// </summary>
/// <remarks>
/// Begin it in the async method that awaits the work: the work's tasks inherit it, and disposing it restores the
/// outer one. Progress may be read from any thread.
/// </remarks>
public sealed class DuckDbActivity : IDisposable
{
    private static readonly AsyncLocal<DuckDbActivity?> CurrentActivity = new();
    private readonly DuckDbActivity? _outer;
    private readonly Lock _gate = new();
    private readonly List<DuckDbConnection> _open = [];

    private DuckDbActivity(DuckDbActivity? outer, bool tracksProgress)
    {
        _outer = outer;
        TracksProgress = tracksProgress;
    }

    internal static DuckDbActivity? Current => CurrentActivity.Value;

    /// <summary>
    /// False when nobody will read <see cref="Progress"/>: connections opened in the activity then leave DuckDB's
    /// progress tracking off (see <see cref="DuckDbDatabase.ConnectTracked"/> and <see cref="DuckDbDatabase.Connect"/>),
    /// which small statements pay for in CPU.
    /// </summary>
    public bool TracksProgress { get; }

    /// <summary>Starts tracking connections opened from here on in this async flow.</summary>
    /// <param name="trackProgress">Whether anyone will read <see cref="Progress"/>; an outer activity that does keeps it on.</param>
    public static DuckDbActivity Begin(bool trackProgress = true)
    {
        var outer = CurrentActivity.Value;
        var activity = new DuckDbActivity(outer, trackProgress || outer?.TracksProgress == true);
        CurrentActivity.Value = activity;
        return activity;
    }

    /// <summary>Progress in percent (0..100) of the furthest-along query running on a tracked connection; null when none reports any.</summary>
    public double? Progress
    {
        get
        {
            DuckDbConnection[] open;
            lock (_gate)
            {
                open = [.. _open];
            }

            double? best = null;
            foreach (var connection in open)
            {
                var percent = connection.QueryProgress;
                if (percent >= 0 && (best is null || percent > best))
                {
                    best = Math.Min(100, percent);
                }
            }

            return best;
        }
    }

    private long _memoryAllocated = -1;
    private long _cpuTicks = -1;

    /// <summary>
    /// Memory DuckDB's buffer manager allocated for the activity's statements, as its profiler reported them; null when
    /// no profiled connection reported.
    /// </summary>
    public long? MemoryAllocatedBytes => Interlocked.Read(ref _memoryAllocated) is >= 0 and var bytes ? bytes : null;

    /// <summary>CPU time DuckDB's profiler counted for the activity's statements; null when none reported.</summary>
    public TimeSpan? Cpu => Interlocked.Read(ref _cpuTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>A profiled connection's last statement: the memory allocated for it and its CPU time (either may be unknown).</summary>
    internal void Profiled(long? memoryAllocated, TimeSpan? cpu)
    {
        Add(ref _memoryAllocated, memoryAllocated);
        Add(ref _cpuTicks, cpu?.Ticks);
        _outer?.Profiled(memoryAllocated, cpu);
    }

    private static void Add(ref long total, long? value)
    {
        if (value is { } amount)
        {
            Interlocked.CompareExchange(ref total, 0, -1);
            Interlocked.Add(ref total, amount);
        }
    }

    internal void Opened(DuckDbConnection connection)
    {
        lock (_gate)
        {
            _open.Add(connection);
        }

        _outer?.Opened(connection);
    }

    internal void Closed(DuckDbConnection connection)
    {
        lock (_gate)
        {
            _open.Remove(connection);
        }

        _outer?.Closed(connection);
    }

    public void Dispose()
    {
        if (CurrentActivity.Value == this)
        {
            CurrentActivity.Value = _outer;
        }
    }
}
