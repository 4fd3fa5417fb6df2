using System.Security.Cryptography;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Passes reads through while hashing them with SHA-256 (and MD5 when asked: S3's ETag of a single-part upload), so a
/// file is checked on the same pass that copies it.
/// </summary>
internal sealed class HashingReadStream(Stream inner, bool md5 = false) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash? _md5 = md5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;

    public long BytesRead { get; private set; }

    /// <summary>Lower-case hex SHA-256 of everything read so far.</summary>
    public string Sha256 => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Lower-case hex MD5 of everything read so far; null unless asked for.</summary>
    public string? Md5 => _md5 is null ? null : Convert.ToHexStringLower(_md5.GetCurrentHash());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(ReadOnlySpan<byte> read)
    {
        _hash.AppendData(read);
        _md5?.AppendData(read);
        BytesRead += read.Length;
        return read.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            _md5?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
