using System.Collections.Concurrent;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// The runs executing in this process and how to stop each: cancelling here stops a run within moments, where the
/// scheduler's own cancellation is only noticed when it next polls its storage.
/// </summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Registers a run; dispose the result when it ends. Its token fires on <see cref="Cancel"/> or when <paramref name="outer"/> does.</summary>
    public Registration Enter(Guid runId, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _running[runId] = source;
        return new Registration(this, runId, source);
    }

    /// <summary>Asks a running run to stop; false when it is not running in this process.</summary>
    public bool Cancel(Guid runId)
    {
        if (!_running.TryGetValue(runId, out var source))
        {
            return false;
        }

        // Off the caller's thread: the run unwinds (interrupts DuckDB, records where it stopped) in cancellation
        // callbacks and continuations, which must not run inside a UI circuit's event handler.
        _ = Task.Run(() =>
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }
        });
        return true;
    }

    public bool IsRunning(Guid runId) => _running.ContainsKey(runId);

    public sealed class Registration(RunningJobs owner, Guid runId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public bool CancelRequested => source.IsCancellationRequested;

        public void Dispose()
        {
            owner._running.TryRemove(runId, out _);
            source.Dispose();
        }
    }
}
