using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Quality;

/// <summary>
/// Profiles tables in the background after commits that change data, so the quality history has a point per
/// data-changing version without slowing the statement. Work is per table and coalesces: while a table waits, later
/// commits only raise the version to profile, so a burst of commits costs one profile of the newest. At most
/// <see cref="Capacity"/> tables wait; past that a version is skipped and logged. A failing profile is logged and the
/// commit stands. On dispose the profile in progress is cancelled and waiting work dropped (the next commit catches up).
/// </summary>
public sealed class QualityProfileQueue : ITableChangeObserver, IAsyncDisposable
{
    public const int Capacity = 256;

    private readonly Channel<string> _waiting = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SnapshotProfiler _profiler;
    private readonly RegisteredTables _tables;
    private readonly QualityStore _store;
    private readonly Func<string, CancellationToken, Task<DeltaTable>> _open;
    private readonly ILogger _logger;
    private Task _worker = Task.CompletedTask;
    private int _outstanding;
    private TaskCompletionSource _idle = Idle();

    /// <param name="start">False leaves the queue collecting work until <see cref="Start"/> (tests of coalescing).</param>
    internal QualityProfileQueue(SnapshotProfiler profiler, RegisteredTables tables, QualityStore store, Func<string, CancellationToken, Task<DeltaTable>> open, ILogger logger, bool start = true)
    {
        _profiler = profiler;
        _tables = tables;
        _store = store;
        _open = open;
        _logger = logger;
        if (start)
        {
            Start();
        }
    }

    internal void Start() => _worker = Task.Run(RunAsync);

    /// <summary>A new table is registered only after this call; the service enqueues a CTAS once it is (see <see cref="Enqueue"/>).</summary>
    public Task OnTableCreatedAsync(TableChange change, CancellationToken ct) => Task.CompletedTask;

    public Task OnCommittedAsync(TableChange change, CancellationToken ct)
    {
        if (DataChangingOperations.Contains(change.Operation))
        {
            Enqueue(change.Location, change.Version);
        }

        return Task.CompletedTask;
    }

    /// <summary>Asks for a profile of the table at <paramref name="location"/> at <paramref name="version"/> (or a newer one already asked for).</summary>
    public void Enqueue(string location, long version)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                // Shutting down: the next commit after a restart profiles the table again.
                return;
            }

            if (_versions.TryGetValue(location, out var waiting))
            {
                _versions[location] = Math.Max(waiting, version);
                return;
            }

            if (!_waiting.Writer.TryWrite(location))
            {
                _logger.QueueFull(Capacity, location, version);
                return;
            }

            _versions[location] = version;
            if (_outstanding++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Completes once nothing waits and no profile runs (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(ct);
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var location in _waiting.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                long version;
                lock (_gate)
                {
                    // Removed before profiling: a commit landing meanwhile waits again and gets its own profile.
                    version = _versions[location];
                    _versions.Remove(location);
                }

                try
                {
                    await ProfileAsync(location, version, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Whatever goes wrong, the commit is durable and the next one profiles the table again.
                    _logger.ProfileFailed(e, location, version);
                }
                finally
                {
                    Finished();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ProfileAsync(string location, long version, CancellationToken ct)
    {
        if (await _tables.FindAsync(location, ct).ConfigureAwait(false) is not { } registered)
        {
            _logger.NotRegistered(location, version);
            return;
        }

        var snapshot = await (await _open(location, ct).ConfigureAwait(false)).GetSnapshotAsync(version, ct).ConfigureAwait(false);
        using var files = await Tables.Reads.TableFiles.LeaseAsync(snapshot, ct).ConfigureAwait(false);
        var (report, measurements) = _profiler.Profile(snapshot, ct);
        await _store.RecordAsync(registered.Name, measurements, ct).ConfigureAwait(false);
        _logger.Profiled(registered.Name, version, report.Score);
    }

    private void Finished()
    {
        lock (_gate)
        {
            if (--_outstanding == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _worker.ConfigureAwait(false);
        lock (_gate)
        {
            _versions.Clear();
            _outstanding = 0;
            _idle.TrySetResult();
        }

        _stopping.Dispose();
    }
}
