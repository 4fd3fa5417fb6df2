namespace NeuroLake.Engine.Storage;

/// <summary>
/// An object's key, size in bytes and last modification time, and its entity tag where the store has one (S3): a
/// cached copy whose size and ETag match is the same object.
/// </summary>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag = null);
