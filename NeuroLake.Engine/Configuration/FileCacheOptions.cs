namespace NeuroLake.Engine.Configuration;

/// <summary>
/// The local copy of remote data files DuckDB reads (it has no S3 access here), bound from <c>NeuroLake:Storage:Cache</c>.
/// </summary>
public sealed class FileCacheOptions
{
    /// <summary>The cache folder; relative paths are under the data folder. Default <c>cache</c>. Copies left by an earlier run are deleted at start.</summary>
    public string Path { get; set; } = "cache";

    /// <summary>Bytes the cache keeps before it evicts the least recently used files not in use. Default 10 GB.</summary>
    public double CapacityGb { get; set; } = 10;

    /// <summary>Files of one snapshot fetched at once when a statement reads it. Default 8.</summary>
    public int PrefetchParallelism { get; set; } = 8;

    /// <summary>
    /// Minutes between samples of the cache's counters stored in the catalog for the Storage page's charts (kept as long as
    /// <see cref="MeteringOptions.RetentionDays"/>). Default 5; at least 1.
    /// </summary>
    public int SampleMinutes { get; set; } = 5;

    /// <summary>The capacity in bytes.</summary>
    public long CapacityBytes => (long)(CapacityGb * 1024 * 1024 * 1024);
}
