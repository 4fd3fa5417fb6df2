using System.Security.Cryptography;
using System.Text;
using NeuroLake.Engine.Telemetry;

namespace NeuroLake.Engine.Storage.Cache;

/// <summary>
/// Local copies of remote objects (data files and checkpoints of tables on S3) for DuckDB, which reads only local
/// files here. Keyed by store location and key: Delta never rewrites a data file in place, so a copy stays valid while
/// its size (and ETag, when the caller knows one) match. Least recently used files are evicted once the cache holds more
/// than its capacity, except files pinned by a <see cref="FileLease"/>. Concurrent requests for one object share one
/// fetch; a fetch writes a temporary file and renames it, so a crash never leaves a partial file that counts as cached.
/// </summary>
/// <remarks>The index lives in memory only, so the copies an earlier process left are deleted when the cache starts: their ETags are unknown.</remarks>
public sealed class FileCache
{
    private const int RangeSize = 8 << 20;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pending> _fetching = new(StringComparer.Ordinal);
    private readonly int _parallelism;
    private long _clock, _bytes, _hits, _misses, _evictions, _bytesFetched, _bytesEvicted;

    /// <param name="root">The cache folder; copies an earlier cache left in it are deleted now (nothing else).</param>
    /// <param name="capacityBytes">Bytes kept before unpinned files are evicted.</param>
    /// <param name="parallelism">Objects fetched at once for one lease.</param>
    public FileCache(string root, long capacityBytes, int parallelism = 8)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Directory.CreateDirectory(Root);
        RemoveEarlierCopies(Root);
        CapacityBytes = capacityBytes;
        _parallelism = parallelism;
    }

    /// <summary>The cache folder (absolute). DuckDB's sandbox allows reading it.</summary>
    public string Root { get; }

    public long CapacityBytes { get; }

    /// <summary>The local path the copy of <paramref name="key"/> in the store at <paramref name="location"/> has while cached.</summary>
    public string PathOf(string location, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location + "\n" + key)));
        var extension = Path.GetExtension(key);
        return Path.Combine(Root, hash[..2], hash + (extension.Length is > 0 and <= 16 ? extension : ""));
    }

    /// <summary>Counters since the cache started.</summary>
    public FileCacheStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new FileCacheStatistics(
                    _hits, _misses, _evictions, _bytesFetched, _bytesEvicted, _bytes, _entries.Count, _entries.Values.Count(e => e.Pins > 0), CapacityBytes);
            }
        }
    }

    /// <summary>
    /// Local copies of <paramref name="objects"/> from <paramref name="store"/>, fetched in parallel where missing or
    /// stale, and pinned until the lease is disposed.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">An object does not exist in the store.</exception>
    public async Task<FileLease> LeaseAsync(IObjectStore store, IReadOnlyList<CachedObjectRequest> objects, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var distinct = objects.DistinctBy(o => o.Key).ToList();
        var acquired = new Entry[distinct.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, distinct.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct },
                async (i, token) => acquired[i] = await AcquireAsync(store, distinct[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch
        {
            Release(acquired.Where(e => e is not null).ToList());
            throw;
        }

        EvictOverCapacity();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            paths[distinct[i].Key] = acquired[i].Path;
        }

        return new FileLease(this, acquired, paths);
    }

    /// <summary>
    /// Takes a file just uploaded to the store as the cached copy of <paramref name="key"/> (moved, not copied), so
    /// the rows a statement wrote are read back without a download. The file must hold exactly the uploaded object.
    /// </summary>
    public void Adopt(string location, string key, string file, ObjectInfo uploaded)
    {
        var path = PathOf(location, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(file, path, overwrite: true);
        lock (_gate)
        {
            Forget(Id(location, key));
            var entry = new Entry(Id(location, key), path, uploaded.Size, uploaded.ETag) { LastUsed = ++_clock };
            _entries[entry.Id] = entry;
            _bytes += entry.Size;
        }

        EvictOverCapacity();
    }

    internal void Release(IReadOnlyList<Entry> entries)
    {
        lock (_gate)
        {
            foreach (var entry in entries)
            {
                entry.Pins--;
            }
        }

        EvictOverCapacity();
    }

    private async Task<Entry> AcquireAsync(IObjectStore store, CachedObjectRequest request, CancellationToken ct)
    {
        var id = Id(store.Location, request.Key);
        while (true)
        {
            Pending pending;
            lock (_gate)
            {
                if (_entries.TryGetValue(id, out var cached))
                {
                    if (IsCurrent(cached, request))
                    {
                        cached.Pins++;
                        cached.LastUsed = ++_clock;
                        _hits++;
                        EngineTelemetry.CacheLookup(hit: true);
                        return cached;
                    }

                    // Stale or damaged on disk: forgotten here; the new copy replaces the file by rename (holders keep theirs open).
                    Forget(id);
                }

                if (!_fetching.TryGetValue(id, out pending!))
                {
                    pending = new Pending();
                    pending.Task = FetchAsync(store, request.Key, id, pending, ct);
                    _fetching[id] = pending;
                    _misses++;
                    EngineTelemetry.CacheLookup(hit: false);
                }
                else
                {
                    // Joining a fetch in flight: the object is downloaded once, whoever asked first.
                    _hits++;
                    EngineTelemetry.CacheLookup(hit: true);
                }

                pending.Waiters++;
            }

            try
            {
                return await pending.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The request that started the fetch was cancelled, this one was not: fetch again.
            }
        }
    }

    /// <summary>Downloads into a temporary file renamed into place; on success the entry is pinned once per waiter.</summary>
    private async Task<Entry> FetchAsync(IObjectStore store, string key, string id, Pending pending, CancellationToken ct)
    {
        await Task.Yield();
        var path = PathOf(store.Location, key);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            var info = await store.GetInfoAsync(key, ct).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Location, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                for (long offset = 0; offset < info.Size; offset += RangeSize)
                {
                    var chunk = await store.GetRangeAsync(key, offset, (int)Math.Min(RangeSize, info.Size - offset), ct).ConfigureAwait(false);
                    await file.WriteAsync(chunk, ct).ConfigureAwait(false);
                }
            }

            var written = new FileInfo(temp).Length;
            if (written != info.Size)
            {
                throw new IOException($"Fetching '{key}' from '{store.Location}' gave {written} bytes, but the object has {info.Size}; it changed while it was read. Run the statement again.");
            }

            File.Move(temp, path, overwrite: true);
            lock (_gate)
            {
                var entry = new Entry(id, path, info.Size, info.ETag) { Pins = pending.Waiters, LastUsed = ++_clock };
                Forget(id);
                _entries[id] = entry;
                _fetching.Remove(id);
                _bytes += entry.Size;
                _bytesFetched += entry.Size;
                EngineTelemetry.CacheFetched(entry.Size);
                return entry;
            }
        }
        catch
        {
            lock (_gate)
            {
                _fetching.Remove(id);
            }

            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Evicts least recently used unpinned files until the cache fits its capacity (pinned files stay, even over it).</summary>
    private void EvictOverCapacity()
    {
        List<Entry> victims = [];
        lock (_gate)
        {
            if (_bytes <= CapacityBytes)
            {
                return;
            }

            foreach (var entry in _entries.Values.Where(e => e.Pins == 0).OrderBy(e => e.LastUsed).ToList())
            {
                if (_bytes <= CapacityBytes)
                {
                    break;
                }

                Forget(entry.Id);
                victims.Add(entry);
                _evictions++;
                _bytesEvicted += entry.Size;
            }
        }

        foreach (var victim in victims)
        {
            EngineTelemetry.CacheEvicted(victim.Size);
            TryDelete(victim.Path);
        }
    }

    // Under the lock: drops the entry from the index; its file is replaced or deleted by the caller.
    private void Forget(string id)
    {
        if (_entries.Remove(id, out var old))
        {
            _bytes -= old.Size;
        }
    }

    private static bool IsCurrent(Entry entry, CachedObjectRequest request)
    {
        if (request.Size is { } size && size != entry.Size || request.ETag is { } etag && entry.ETag is not null && etag != entry.ETag)
        {
            return false;
        }

        // A file changed or removed under the cache (disk damage, a person) is noticed by its length.
        var file = new FileInfo(entry.Path);
        return file.Exists && file.Length == entry.Size;
    }

    /// <summary>
    /// Deletes the copies (and partial fetches) an earlier process left: only files named as this cache names them,
    /// inside its two-character folders, so a cache path pointed at a folder holding anything else loses nothing else.
    /// </summary>
    private static void RemoveEarlierCopies(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root).Where(f => IsHex(Path.GetFileName(f), 2)))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => IsHex(Path.GetFileName(f).Split('.')[0], 64)))
            {
                TryDelete(file);
            }

            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigitLower);

    private static string Id(string location, string key) => location + "\n" + key;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file that cannot be deleted now is overwritten by its next fetch, or removed at the next start.
        }
    }

    internal sealed class Entry(string id, string path, long size, string? etag)
    {
        public string Id { get; } = id;

        public string Path { get; } = path;

        public long Size { get; } = size;

        public string? ETag { get; } = etag;

        public int Pins { get; set; }

        public long LastUsed { get; set; }
    }

    private sealed class Pending
    {
        public Task<Entry> Task { get; set; } = null!;

        public int Waiters { get; set; }
    }
}
