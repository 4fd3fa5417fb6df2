namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// Local copies a statement reads, pinned until the lease is disposed: the cache never evicts a pinned file, even over
/// capacity, so DuckDB never finds a file gone mid-scan. Disposing twice releases once.
/// </summary>
public sealed class FileLease : IDisposable
{
    private readonly FileCache? _cache;
    private readonly IReadOnlyList<FileCache.Entry> _entries;
    private int _disposed;

    internal FileLease(FileCache? cache, IReadOnlyList<FileCache.Entry> entries, IReadOnlyDictionary<string, string> paths)
    {
        _cache = cache;
        _entries = entries;
        Paths = paths;
    }

    /// <summary>A lease over files read in place (a local store): nothing is pinned.</summary>
    public static FileLease None { get; } = new(null, [], new Dictionary<string, string>());

    /// <summary>The local path of each leased key.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cache?.Release(_entries);
        }
    }
}
