using System.Security.Cryptography;
using System.Text.Json;
using NeuroLake.Engine.Storage;
using ZstdSharp;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// A content-addressed backup repository over any <see cref="IObjectStore"/> (a local folder or an S3 prefix); the
/// layout is <see cref="RepositoryLayout"/>. Objects are only ever added under their hash, and a manifest is put last
/// with the store's atomic put, so an interrupted backup leaves unreferenced objects and nothing half-visible.
/// </summary>
internal sealed class BackupRepository(IObjectStore store)
{
    private const int CompressionLevel = 3;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public IObjectStore Store => store;

    /// <summary>
    /// Stores a file that may be large: hashed on a first streaming pass, uploaded on a second only when the repository
    /// lacks that hash, and the upload re-hashed so a file changing between passes is caught. Returns the entry and
    /// whether bytes were added.
    /// </summary>
    public async Task<(BackupFile File, bool Added)> AddStreamAsync(string path, Func<CancellationToken, Task<Stream>> open, CancellationToken ct)
    {
        string sha;
        long size;
        await using (var first = new HashingReadStream(await open(ct).ConfigureAwait(false)))
        {
            await first.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
            (sha, size) = (first.Sha256, first.BytesRead);
        }

        var file = new BackupFile(path, size, sha, Compressed: false);
        if (await store.GetInfoAsync(RepositoryLayout.ObjectKey(sha), ct).ConfigureAwait(false) is not null)
        {
            return (file, false);
        }

        await using var second = new HashingReadStream(await open(ct).ConfigureAwait(false));
        await store.PutAsync(RepositoryLayout.ObjectKey(sha), second, ct).ConfigureAwait(false);
        if (second.Sha256 != sha)
        {
            // The object went in under a hash it does not have: remove it before anything can reference it.
            await store.DeleteAsync(RepositoryLayout.ObjectKey(sha), ct).ConfigureAwait(false);
            throw new BackupException($"'{path}' changed while it was being backed up; Delta files never change, so something outside NeuroLake rewrote it.");
        }

        return (file, true);
    }

    /// <summary>Stores small content (log JSON, a catalog table) zstd-compressed under the hash of its original bytes.</summary>
    public async Task<(BackupFile File, bool Added)> AddCompressedAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var file = new BackupFile(path, content.Length, sha, Compressed: true);
        var key = RepositoryLayout.ObjectKey(sha);
        if (await store.GetInfoAsync(key, ct).ConfigureAwait(false) is not null)
        {
            return (file, false);
        }

        using var compressor = new Compressor(CompressionLevel);
        await store.PutAsync(key, compressor.Wrap(content.Span).ToArray(), ct).ConfigureAwait(false);
        return (file, true);
    }

    /// <summary>The original bytes of <paramref name="file"/> as a stream (decompressed when stored compressed).</summary>
    public async Task<Stream> OpenAsync(BackupFile file, CancellationToken ct)
    {
        var raw = await ObjectReadStream.OpenAsync(store, RepositoryLayout.ObjectKey(file.Sha256), ct).ConfigureAwait(false);
        return file.Compressed ? new DecompressionStream(raw) : raw;
    }

    public async Task WriteManifestAsync(BackupManifest manifest, CancellationToken ct)
    {
        using var compressor = new Compressor(CompressionLevel);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        await store.PutAsync(RepositoryLayout.ManifestKey(manifest.SetId), compressor.Wrap(bytes).ToArray(), ct).ConfigureAwait(false);
    }

    public async Task<BackupManifest> ReadManifestAsync(string setId, CancellationToken ct)
    {
        byte[] compressed;
        try
        {
            compressed = await store.GetAsync(RepositoryLayout.ManifestKey(setId), ct).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            throw new BackupException($"Backup set '{setId}' does not exist in this repository (or its backup never finished).");
        }

        BackupManifest? manifest;
        try
        {
            using var decompressor = new Decompressor();
            manifest = JsonSerializer.Deserialize<BackupManifest>(decompressor.Unwrap(compressed), Json);
        }
        catch (Exception e) when (e is ZstdException or JsonException)
        {
            throw new BackupException($"The manifest of backup set '{setId}' is damaged ({e.Message}); the set cannot be used.");
        }

        if (manifest is null || manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
        {
            throw new BackupException(
                $"Backup set '{setId}' has manifest format {manifest?.FormatVersion}; this NeuroLake reads up to {BackupManifest.CurrentFormatVersion}. Use a newer NeuroLake.");
        }

        return manifest;
    }

    /// <summary>Ids of the finished sets, oldest first (ids sort by time).</summary>
    public async Task<IReadOnlyList<string>> ListSetsAsync(CancellationToken ct) =>
        [.. (await store.ListAsync(RepositoryLayout.SetsPrefix, null, ct).ConfigureAwait(false))
            .Where(o => o.Key.EndsWith(RepositoryLayout.ManifestSuffix, StringComparison.Ordinal))
            .Select(o => o.Key[RepositoryLayout.SetsPrefix.Length..^RepositoryLayout.ManifestSuffix.Length])];

    /// <summary>How many objects the repository holds, for reports of what a backup added.</summary>
    public async Task<int> CountObjectsAsync(CancellationToken ct) =>
        (await store.ListAsync(RepositoryLayout.ObjectsPrefix, null, ct).ConfigureAwait(false)).Count;

    /// <summary>Removes a set: its manifest first (after which the set never happened), then its verify result.</summary>
    public async Task DeleteSetAsync(string setId, CancellationToken ct)
    {
        await store.DeleteAsync(RepositoryLayout.ManifestKey(setId), ct).ConfigureAwait(false);
        await store.DeleteAsync(RepositoryLayout.VerifyKey(setId), ct).ConfigureAwait(false);
    }

    public Task WriteVerifyResultAsync(BackupVerifyResult result, CancellationToken ct) =>
        store.PutAsync(RepositoryLayout.VerifyKey(result.SetId), JsonSerializer.SerializeToUtf8Bytes(result, Json), ct);

    /// <summary>The latest verify result of a set, or null when it was never verified.</summary>
    public async Task<BackupVerifyResult?> ReadVerifyResultAsync(string setId, CancellationToken ct)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupVerifyResult>(await store.GetAsync(RepositoryLayout.VerifyKey(setId), ct).ConfigureAwait(false), Json);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }
}
