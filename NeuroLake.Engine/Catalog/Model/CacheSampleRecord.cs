namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One sample of the process's file cache: counters as the change since the previous sample, gauges as they were.</summary>
internal sealed class CacheSampleRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public long Hits { get; set; }

    public long Misses { get; set; }

    public long Evictions { get; set; }

    public long BytesFetched { get; set; }

    public long BytesEvicted { get; set; }

    public long BytesHeld { get; set; }

    public long CapacityBytes { get; set; }
}
