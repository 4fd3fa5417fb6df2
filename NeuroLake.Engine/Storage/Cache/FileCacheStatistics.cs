namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// Counters of a <see cref="FileCache"/> since it started: lookups answered from disk (hits) or fetched (misses), files
/// evicted to stay under capacity, and bytes fetched, evicted and held now.
/// </summary>
public sealed record FileCacheStatistics(
    long Hits, long Misses, long Evictions, long BytesFetched, long BytesEvicted, long BytesCached, int Files, int PinnedFiles, long CapacityBytes);
