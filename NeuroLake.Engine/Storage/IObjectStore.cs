namespace NeuroLake.Engine.Storage;

/// <summary>
/// A flat namespace of immutable-ish objects addressed by '/'-separated keys relative to the store's root
/// (a local folder or an S3 prefix). Tables reach storage only through this interface.
/// </summary>
public interface IObjectStore
{
    /// <summary>Where the store lives, for messages and observers (a folder path or a URI).</summary>
    string Location { get; }

    /// <summary>Reads a whole object; throws <see cref="ObjectNotFoundException"/> when it does not exist.</summary>
    Task<byte[]> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Reads <paramref name="length"/> bytes from <paramref name="offset"/> (fewer at the end of the object).</summary>
    Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default);

    /// <summary>Creates or replaces an object. Readers see the old or the new content, never a mix.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>
    /// Creates or replaces an object with everything <paramref name="content"/> yields, read from its current position
    /// to the end. Large content is never held in memory whole (S3 uploads it in parts); readers see the old or the
    /// new content, never a mix. The stream is not disposed.
    /// </summary>
    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>
    /// Creates the object only if no object has that key; returns false (and changes nothing) when one exists.
    /// Atomic: it either fully succeeds or has no visible effect.
    /// </summary>
    Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>
    /// Objects whose key starts with <paramref name="prefix"/>, ordered by key (ordinal), optionally only keys
    /// greater than <paramref name="startAfter"/>.
    /// </summary>
    Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default);

    /// <summary>Metadata of one object, or null when it does not exist.</summary>
    Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes an object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// The local file path of a key when the store is a local folder, so DuckDB can read and write it directly;
    /// null for remote stores (which stage through a local cache instead).
    /// </summary>
    string? GetLocalPath(string key);

    /// <summary>
    /// The local file cache a remote store's data files are read through (DuckDB reads local files only); null for
    /// local stores, which are read in place, and for remote stores opened without one.
    /// </summary>
    Cache.FileCache? Cache => null;
}
