namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// Turns the process's <see cref="FileCache"/> counters into <see cref="CacheSample"/>s: each sample holds what changed
/// since the previous one. The cache counts from zero when the process starts, so the first sample of a process counts
/// from zero too, and counters found lower than last seen (a cache that started over) count from zero rather than
/// going negative.
/// </summary>
/// <param name="statistics">Reads the cache's counters now (the process's <see cref="FileCache.Statistics"/>).</param>
public sealed class CacheSampler(Func<FileCacheStatistics> statistics, CacheSampleStore store, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileCacheStatistics? _previous;

    /// <summary>Takes a sample of the cache now and stores it; returns it.</summary>
    public async Task<CacheSample> SampleAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = statistics();
            var before = _previous is { } p && now.Hits >= p.Hits && now.Misses >= p.Misses && now.Evictions >= p.Evictions
                && now.BytesFetched >= p.BytesFetched && now.BytesEvicted >= p.BytesEvicted ? p : null;
            var sample = new CacheSample(
                time.GetUtcNow(),
                Change(now.Hits, before?.Hits),
                Change(now.Misses, before?.Misses),
                Change(now.Evictions, before?.Evictions),
                Change(now.BytesFetched, before?.BytesFetched),
                Change(now.BytesEvicted, before?.BytesEvicted),
                now.BytesCached,
                now.CapacityBytes);
            await store.SaveAsync(sample, ct);
            // Only a stored sample moves the baseline, so a failed save leaves its changes to the next sample.
            _previous = now;
            return sample;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long Change(long now, long? before) => now - (before ?? 0);
}
