using NeuroLake.Engine.Metering;
using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Api.Storage;

/// <summary>
/// What the tables the caller may read occupy, measured now: the warehouse's store kind (<c>local</c>: managed tables
/// live on this server's disk), whether an S3 store is configured (without one there are no warm or cold tiers),
/// totals of the latest versions, each tier, each table (largest first) and the readable tables that could not be
/// measured. Hidden tables are in none of these figures.
/// </summary>
public sealed record StorageJson(
    string WarehouseStore, bool S3Configured, long TotalBytes, long TotalFiles, IReadOnlyList<StorageTierJson> Tiers,
    IReadOnlyList<StorageTableJson> Tables, IReadOnlyList<string> Unmeasured)
{
    public static StorageJson From(StorageOverview o)
    {
        var tables = o.Tables.Select(StorageTableJson.From).ToList();
        return new StorageJson(o.WarehouseStore, o.S3Configured, tables.Sum(t => t.Bytes), tables.Sum(t => t.Files),
            o.Tiers.Select(StorageTierJson.From).ToList(), tables, o.Unmeasured);
    }
}

/// <summary>
/// One tier (<c>hot</c> this server's disk, <c>warm</c> object storage, <c>cold</c> archive): bytes and files of the
/// latest versions, of files only older versions need (VACUUM removes them once past the retention), and how many tables have files there.
/// </summary>
public sealed record StorageTierJson(string Tier, long Bytes, long Files, long OlderVersionsBytes, long OlderVersionsFiles, int Tables)
{
    public static StorageTierJson From(TierFootprint t) =>
        new(TierName(t.Tier), t.CurrentBytes, t.CurrentFiles, t.OlderVersionsBytes, t.OlderVersionsFiles, t.Tables);

    public static string TierName(StorageTier tier) => tier.ToString().ToLowerInvariant();
}

/// <summary>
/// One table's footprint: full name, bytes and files of its current version, the version, its store kind (<c>local</c>
/// or <c>s3</c>), its tiers, and bytes and files only older versions need.
/// </summary>
public sealed record StorageTableJson(
    string Name, long Bytes, long Files, long Version, string Store, IReadOnlyList<string> Tiers, long OlderVersionsBytes, long OlderVersionsFiles)
{
    public static StorageTableJson From(TableFootprint t) => new(
        t.Name, t.CurrentBytes, t.CurrentFiles, t.Version, t.Tiers.All(x => x == StorageTier.Hot) ? "local" : "s3",
        t.Tiers.Select(StorageTierJson.TierName).ToList(), t.OlderVersionsBytes, t.OlderVersionsFiles);
}
