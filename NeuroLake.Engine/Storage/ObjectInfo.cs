namespace NeuroLake.Engine.Storage;

/// <summary>An object's key, size in bytes and last modification time.</summary>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified);
