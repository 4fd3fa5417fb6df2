using System.Net;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Storage.S3;

/// <summary>
/// An <see cref="IObjectStore"/> over a prefix of an S3 bucket (AWS S3, MinIO, other S3-compatible stores).
/// <see cref="PutIfAbsentAsync"/> is a conditional PUT (<c>If-None-Match: *</c>): exclusive only on stores that honour
/// it, so stores that do not (see <see cref="ConditionalCreateProbe"/>) are wrapped in a <see cref="CoordinatedObjectStore"/>.
/// Transient failures are retried with backoff; a conditional create is never retried blindly.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore
{
    /// <summary>S3 refuses parts below 5 MiB (except the last).</summary>
    public const int MinPartSize = 5 * 1024 * 1024;

    /// <summary>S3 allows at most this many parts per upload.</summary>
    private const int MaxParts = 10_000;

    private readonly IAmazonS3 _client;
    private readonly int _partSize;

    public S3ObjectStore(IAmazonS3 client, S3Location root, S3Options options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PartSizeBytes < MinPartSize)
        {
            throw new S3ConfigurationException(
                $"NeuroLake:Storage:S3:PartSizeBytes is {options.PartSizeBytes}: S3 needs parts of at least {MinPartSize} bytes (5 MiB).");
        }

        _client = client;
        Root = root;
        _partSize = options.PartSizeBytes;
        Retry = new S3Retry(options.MaxAttempts, options.FirstRetryDelay, options.MaxRetryDelay);
    }

    public S3Location Root { get; }

    public string Location => Root.ToString();

    internal S3Retry Retry { get; }

    public async Task<byte[]> GetAsync(string key, CancellationToken ct = default)
    {
        var objectKey = ObjectKey(key);
        try
        {
            return await Retry.RunAsync(async token =>
            {
                using var response = await _client.GetObjectAsync(Root.Bucket, objectKey, token).ConfigureAwait(false);
                return await ReadBodyAsync(response, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(Location, key, e);
        }
        catch (AmazonS3Exception e) when (IsArchived(e))
        {
            throw new ObjectArchivedException(Location, key, e);
        }
    }

    public async Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            // S3 has no empty range; the object must still exist, as on a local folder.
            _ = await GetInfoAsync(key, ct).ConfigureAwait(false) ?? throw new ObjectNotFoundException(Location, key);
            return [];
        }

        var objectKey = ObjectKey(key);
        try
        {
            return await Retry.RunAsync(async token =>
            {
                var request = new GetObjectRequest { BucketName = Root.Bucket, Key = objectKey, ByteRange = new ByteRange(offset, offset + length - 1) };
                using var response = await _client.GetObjectAsync(request, token).ConfigureAwait(false);
                return await ReadBodyAsync(response, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(Location, key, e);
        }
        catch (AmazonS3Exception e) when (IsArchived(e))
        {
            throw new ObjectArchivedException(Location, key, e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The object exists but ends before the offset: like a local file, the answer is empty.
            return [];
        }
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (data.Length > _partSize)
        {
            return PutAsync(key, AsStream(data), ct);
        }

        var objectKey = ObjectKey(key);
        return Retry.RunAsync(token => _client.PutObjectAsync(NewPut(objectKey, AsStream(data)), token), ct);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var objectKey = ObjectKey(key);
        var buffer = new byte[_partSize];
        var filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
        if (filled < buffer.Length)
        {
            // Fits in one part: a plain PUT is one request instead of three.
            await Retry.RunAsync(token => _client.PutObjectAsync(NewPut(objectKey, new MemoryStream(buffer, 0, filled, writable: false)), token), ct).ConfigureAwait(false);
            return;
        }

        await MultipartUploadAsync(objectKey, content, buffer, filled, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var rootPrefix = Root.KeyPrefix;
        // ListObjects (v1) pages by marker = the last key seen, which every S3-compatible store implements; v2's opaque
        // continuation tokens are not (s3rver fails to create them on current Node.js).
        var request = new ListObjectsRequest { BucketName = Root.Bucket, Prefix = rootPrefix + prefix };
        // S3 orders by UTF-8 bytes, which agrees with ordinal (UTF-16) order below the surrogates: only then can it skip for us.
        if (startAfter is not null && startAfter.All(c => c < '\uD800'))
        {
            request.Marker = rootPrefix + startAfter;
        }

        var result = new List<ObjectInfo>();
        while (true)
        {
            var page = await Retry.RunAsync(token => _client.ListObjectsAsync(request, token), ct).ConfigureAwait(false);
            var objects = page.S3Objects ?? [];
            foreach (var o in objects)
            {
                if (!o.Key.StartsWith(rootPrefix, StringComparison.Ordinal) || o.Key.EndsWith('/'))
                {
                    continue; // folder markers made by consoles are not objects
                }

                var key = o.Key[rootPrefix.Length..];
                if (startAfter is null || string.CompareOrdinal(key, startAfter) > 0)
                {
                    result.Add(new ObjectInfo(key, o.Size ?? 0, ToOffset(o.LastModified), o.ETag));
                }
            }

            if (page.IsTruncated != true || objects.Count == 0)
            {
                break;
            }

            request.Marker = page.NextMarker ?? objects[^1].Key;
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var objectKey = ObjectKey(key);
        try
        {
            var head = await Retry.RunAsync(token => _client.GetObjectMetadataAsync(Root.Bucket, objectKey, token), ct).ConfigureAwait(false);
            return new ObjectInfo(key, head.ContentLength, ToOffset(head.LastModified), head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        // S3 answers a delete of a missing key with success, which is the contract.
        var objectKey = ObjectKey(key);
        return Retry.RunAsync(token => _client.DeleteObjectAsync(Root.Bucket, objectKey, token), ct);
    }

    public string? GetLocalPath(string key) => null;

    /// <summary>The cache statements read this store's files through; set by <see cref="ObjectStoreFactory"/>.</summary>
    public Cache.FileCache? Cache { get; init; }

    /// <summary>The S3 storage class objects are uploaded with (e.g. <c>GLACIER_IR</c>); null: the bucket's default.</summary>
    public string? StorageClass { get; init; }

    private string ObjectKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/') || key.Contains('\\') || key.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException($"The key '{key}' is not a plain relative key below {Location} (no leading '/', '\\', '.' or '..' segments).", nameof(key));
        }

        return Root.ObjectKey(key);
    }

    private PutObjectRequest NewPut(string objectKey, Stream body) => new()
    {
        BucketName = Root.Bucket,
        Key = objectKey,
        InputStream = body,
        // Chunked (aws-chunked) signing is stored verbatim by some S3-compatible servers; a plain body works everywhere.
        UseChunkEncoding = false,
        StorageClass = StorageClass is null ? null : S3StorageClass.FindValue(StorageClass),
    };

    private static MemoryStream AsStream(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);

    private static async Task<byte[]> ReadBodyAsync(GetObjectResponse response, CancellationToken ct)
    {
        var length = response.ContentLength;
        if (length >= 0 && length <= Array.MaxLength)
        {
            var bytes = new byte[length];
            var read = await FillAsync(response.ResponseStream, bytes, ct).ConfigureAwait(false);
            if (read != bytes.Length)
            {
                throw new IOException($"The connection closed after {read} of {length} bytes of {response.Key}.");
            }

            return bytes;
        }

        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, ct).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    private static DateTimeOffset ToOffset(DateTime? time) =>
        time is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : DateTimeOffset.UnixEpoch;
}
