using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Web.Storage;

/// <summary>
/// What the tables a user may SELECT occupy now, measured by <see cref="StorageSurvey"/>: every tier (hot, warm, cold,
/// zeros included), every table largest first, and the tables that could not be measured (names only).
/// </summary>
/// <param name="S3Configured">Whether <c>NeuroLake:Storage:S3</c> names an endpoint or bucket: without one there are no warm or cold tiers.</param>
/// <param name="WarehouseStore"><c>local</c> or <c>s3</c>: where new managed tables go.</param>
public sealed record StorageOverview(
    bool S3Configured, string WarehouseStore, IReadOnlyList<TierFootprint> Tiers, IReadOnlyList<TableFootprint> Tables, IReadOnlyList<string> Unmeasured);

/// <summary>
/// One tier's bytes and files: of the tables' latest versions, and of files only older versions need (what VACUUM removes
/// once they leave the retention window); <paramref name="Tables"/> counts the tables with any file there.
/// </summary>
public sealed record TierFootprint(StorageTier Tier, long CurrentBytes, long CurrentFiles, long OlderVersionsBytes, long OlderVersionsFiles, int Tables)
{
    public long TotalBytes => CurrentBytes + OlderVersionsBytes;
}

/// <summary>One table's bytes and files on all its tiers (<paramref name="Tiers"/>, hot first), latest version and older versions apart.</summary>
public sealed record TableFootprint(
    string Name, long Version, IReadOnlyList<StorageTier> Tiers, long CurrentBytes, long CurrentFiles, long OlderVersionsBytes, long OlderVersionsFiles)
{
    public long TotalBytes => CurrentBytes + OlderVersionsBytes;
}

/// <summary>
/// The file cache for administrators: its counters since this process started (<paramref name="Now"/>), the samples of
/// <paramref name="Range"/> (changes per interval of <paramref name="SampleMinutes"/>), and the range's hit rate.
/// </summary>
public sealed record CacheReport(FileCacheStatistics Now, int SampleMinutes, CacheRange Range, IReadOnlyList<CacheSample> Samples)
{
    /// <summary>Hits among the range's sampled lookups, 0–1; null when the samples hold no lookup.</summary>
    public double? RangeHitRate =>
        Samples.Sum(s => s.Hits + s.Misses) is var lookups and > 0 ? Samples.Sum(s => s.Hits) / (double)lookups : null;

    /// <summary>Hits among the lookups since this process started, 0–1; null before the first lookup.</summary>
    public double? HitRateSinceStart => Now.Hits + Now.Misses == 0 ? null : Now.Hits / (double)(Now.Hits + Now.Misses);
}
