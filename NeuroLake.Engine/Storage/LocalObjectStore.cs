using System.IO.Enumeration;

namespace NeuroLake.Engine.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> over a local folder. Keys map to files below the root; writes go to a
/// temp file in the same folder first, then are moved into place, so readers never see partial content.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    private const string TempSuffix = ".nl-tmp";
    private readonly string _root;

    public LocalObjectStore(string rootFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootFolder);
        // An s3:// location taken for a folder would become a local folder named "s3:" under the working directory.
        if (rootFolder.Contains("://", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"'{rootFolder}' is not a local folder: open it through ObjectStoreFactory.");
        }

        _root = Path.GetFullPath(rootFolder);
    }

    public string Location => _root;

    public string RootFolder => _root;

    public async Task<byte[]> GetAsync(string key, CancellationToken ct = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(FullPath(key), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(_root, key, e);
        }
    }

    public async Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        try
        {
            using var handle = File.OpenHandle(FullPath(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
            var available = Math.Max(0, RandomAccess.GetLength(handle) - offset);
            var buffer = new byte[(int)Math.Min(length, available)];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await RandomAccess.ReadAsync(handle, buffer.AsMemory(read), offset + read, ct).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(_root, key, e);
        }
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var target = FullPath(key);
        var temp = await WriteTempAsync(target, data, ct).ConfigureAwait(false);
        File.Move(temp, target, overwrite: true);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(stream, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            // A failed or cancelled copy must not leave a partial temp file behind.
            File.Delete(temp);
            throw;
        }
    }

    public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var target = FullPath(key);
        if (File.Exists(target))
        {
            return false;
        }

        // The complete content is written to a private temp file first, then linked under the final name only if
        // that name is free, so the target is either absent or complete and two writers cannot both win.
        var temp = await WriteTempAsync(target, data, ct).ConfigureAwait(false);
        try
        {
            return ExclusiveLink.TryPublish(temp, target);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default)
    {
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        var result = new List<ObjectInfo>();
        if (Directory.Exists(folder))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
            var rootLength = _root.Length + 1;

            // Keys are filtered by name before any size or time is asked for, so skipped files cost no stat call.
            var entries = new FileSystemEnumerable<ObjectInfo>(
                folder,
                (ref FileSystemEntry entry) => new ObjectInfo(
                    entry.ToFullPath()[rootLength..].Replace(Path.DirectorySeparatorChar, '/'), entry.Length, entry.LastWriteTimeUtc),
                options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                {
                    if (entry.IsDirectory || entry.FileName.EndsWith(TempSuffix, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    var key = entry.ToFullPath()[rootLength..].Replace(Path.DirectorySeparatorChar, '/');
                    return key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(key, startAfter) > 0);
                },
            };
            foreach (var info in entries)
            {
                ct.ThrowIfCancellationRequested();
                result.Add(info);
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<ObjectInfo>>(result);
    }

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var info = new FileInfo(FullPath(key));
        return Task.FromResult(info.Exists ? new ObjectInfo(key, info.Length, info.LastWriteTimeUtc) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(FullPath(key));
        return Task.CompletedTask;
    }

    public string? GetLocalPath(string key) => FullPath(key);

    private string FullPath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The key '{key}' points outside the store root {_root}.", nameof(key));
        }

        return full;
    }

    private static async Task<string> WriteTempAsync(string target, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Guid.NewGuid():N}{TempSuffix}";
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(data, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }

        return temp;
    }
}
