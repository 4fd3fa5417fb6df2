using System.Threading.Channels;

namespace NeuroLake.Engine.Catalog;

/// <summary>
/// Writes queued records in the background, in order and in batches (one catalog transaction for many statements),
/// so recording a statement costs its caller no round trip. Nothing is dropped: when the writer falls behind,
/// queuing waits for room. Readers call <see cref="FlushAsync"/> first and so see every record queued before.
/// </summary>
internal sealed class WriteBehind<T> : IAsyncDisposable, IDisposable
{
    private const int Capacity = 4096;
    private const int MaxBatch = 512;

    /// <summary>
    /// How long the writer waits after a record arrives for others to join its batch: statements finishing close
    /// together then share one catalog transaction instead of paying one each. A flush or dispose cuts it short.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _hurry = new(0);
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, Task> _writeBatch;
    private readonly Func<T, Task> _writeOne;
    private readonly Task _worker;

    /// <param name="writeBatch">Writes several records at once; when it throws, each is written alone.</param>
    /// <param name="writeOne">Writes one record; what it throws goes to that record's failure callback.</param>
    public WriteBehind(Func<IReadOnlyList<T>, Task> writeBatch, Func<T, Task> writeOne)
    {
        _writeBatch = writeBatch;
        _writeOne = writeOne;
        _worker = Task.Run(DrainAsync);
    }

    /// <summary>Queues <paramref name="record"/>; <paramref name="failed"/> hears why, should it never be written.</summary>
    /// <exception cref="InvalidOperationException">The writer was disposed.</exception>
    public ValueTask QueueAsync(T record, Action<Exception>? failed)
    {
        var pending = new Pending(record, failed, null);
        return _queue.Writer.TryWrite(pending) ? ValueTask.CompletedTask : WaitForRoomAsync(pending);
    }

    /// <summary>Completes once every record queued before the call has been written (or has failed).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hurry.Release();
        if (!_queue.Writer.TryWrite(new Pending(default!, null, written)))
        {
            try
            {
                await _queue.Writer.WriteAsync(new Pending(default!, null, written), ct);
            }
            catch (ChannelClosedException)
            {
                // Disposed: the worker wrote everything before it stopped.
                return;
            }
        }

        await written.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _hurry.Release();
        await _worker;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask WaitForRoomAsync(Pending pending)
    {
        try
        {
            await _queue.Writer.WriteAsync(pending);
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException("The catalog store is disposed: nothing more can be recorded.", e);
        }
    }

    private async Task DrainAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            if (_queue.Reader.Count < MaxBatch)
            {
                await _hurry.WaitAsync(Gather);
            }

            TaskCompletionSource? flushed = null;
            while (batch.Count < MaxBatch && flushed is null && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Flushed is { } marker)
                {
                    flushed = marker;
                }
                else
                {
                    batch.Add(pending);
                }
            }

            await WriteAsync(batch);
            batch.Clear();
            flushed?.TrySetResult();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _writeBatch(batch.Select(p => p.Record).ToList());
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad record must not cost the others theirs: each is tried alone below.
        }

        foreach (var pending in batch)
        {
            try
            {
                await _writeOne(pending.Record);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                pending.Failed?.Invoke(e);
            }
        }
    }

    private sealed record Pending(T Record, Action<Exception>? Failed, TaskCompletionSource? Flushed);
}
