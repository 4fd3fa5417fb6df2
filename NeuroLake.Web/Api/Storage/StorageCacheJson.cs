using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Api.Storage;

/// <summary>
/// The file cache (administrators only): capacity, bytes and files held, counters since this process started, the hit
/// rate since then and over the range, the minutes between samples, and the range's samples oldest first.
/// </summary>
public sealed record StorageCacheJson(
    long CapacityBytes, long BytesHeld, int Files, long Hits, long Misses, long Evictions, double? HitRateSinceStart,
    int SampleMinutes, DateTimeOffset From, DateTimeOffset To, double? RangeHitRate, IReadOnlyList<CacheSampleJson> Samples)
{
    public static StorageCacheJson Of(CacheReport r) => new(
        r.Now.CapacityBytes, r.Now.BytesCached, r.Now.Files, r.Now.Hits, r.Now.Misses, r.Now.Evictions, r.HitRateSinceStart,
        r.SampleMinutes, r.Range.From, r.Range.To, r.RangeHitRate,
        r.Samples.Select(s => new CacheSampleJson(s.TakenAt, s.Hits, s.Misses, s.Evictions, s.BytesFetched, s.BytesEvicted, s.BytesHeld, s.CapacityBytes, s.HitRate)).ToList());
}

/// <summary>One sample: what changed since the previous one (hits, misses, evictions, bytes fetched and evicted), bytes held and capacity then, and the interval's hit rate (null without lookups).</summary>
public sealed record CacheSampleJson(
    DateTimeOffset TakenAt, long Hits, long Misses, long Evictions, long BytesFetched, long BytesEvicted, long BytesHeld, long CapacityBytes, double? HitRate);
