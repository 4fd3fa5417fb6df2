namespace NeuroLake.Web.Api.Storage;

/// <summary>
/// What the tables the caller may read occupy: the warehouse's store kind (<c>local</c>: managed tables live on this
/// server's disk), totals, and per table its bytes and files at its current version and where it lives (<c>local</c>
/// or <c>s3</c>), largest first. Sizes are the catalog's record of each table's current snapshot; files older versions
/// still need until VACUUM are not counted.
/// </summary>
public sealed record StorageJson(string WarehouseStore, long TotalBytes, long TotalFiles, IReadOnlyList<StorageTableJson> Tables);

/// <summary>One table's footprint: full name, bytes and files of its current version, the version, and its store kind.</summary>
public sealed record StorageTableJson(string Name, long Bytes, long Files, long Version, string Store);
