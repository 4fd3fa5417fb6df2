namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// One object a statement needs locally: its key, and what the caller knows of it (the size the Delta log recorded, an
/// ETag from a listing). A cached copy that disagrees with either is stale and fetched again.
/// </summary>
public sealed record CachedObjectRequest(string Key, long? Size = null, string? ETag = null);
