namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// What the file cache did between the previous sample and <see cref="TakenAt"/> (hits, misses, evictions, bytes fetched
/// and evicted: changes, never negative) and what it held then (<see cref="BytesHeld"/> of <see cref="CapacityBytes"/>).
/// </summary>
public sealed record CacheSample(
    DateTimeOffset TakenAt, long Hits, long Misses, long Evictions, long BytesFetched, long BytesEvicted, long BytesHeld, long CapacityBytes)
{
    /// <summary>Hits among the lookups of the interval, 0–1; null when there was no lookup (no rate to speak of).</summary>
    public double? HitRate => Hits + Misses == 0 ? null : Hits / (double)(Hits + Misses);
}
