using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Reads one object front to back in ranges, so a data file of any size passes through with one range in memory
/// (<see cref="IObjectStore"/> has whole and ranged reads only). Local stores are read as files directly.
/// </summary>
internal sealed class ObjectReadStream : Stream
{
    private const int RangeSize = 4 << 20;
    private readonly IObjectStore _store;
    private readonly string _key;
    private readonly long _length;
    private byte[] _buffer = [];
    private int _bufferOffset;
    private long _position;

    private ObjectReadStream(IObjectStore store, string key, long length)
    {
        _store = store;
        _key = key;
        _length = length;
    }

    /// <summary>Opens <paramref name="key"/>; <see cref="ObjectNotFoundException"/> when it is missing.</summary>
    public static async Task<Stream> OpenAsync(IObjectStore store, string key, CancellationToken ct)
    {
        if (store.GetLocalPath(key) is { } path)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new ObjectNotFoundException(store.Location, key);
            }
        }

        var info = await store.GetInfoAsync(key, ct).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Location, key);
        return new ObjectReadStream(store, key, info.Size);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_bufferOffset == _buffer.Length)
        {
            if (_position >= _length)
            {
                return 0;
            }

            _buffer = await _store.GetRangeAsync(_key, _position, (int)Math.Min(RangeSize, _length - _position), cancellationToken).ConfigureAwait(false);
            _bufferOffset = 0;
            if (_buffer.Length == 0)
            {
                return 0; // the object shrank under us: the caller's size and hash checks report it
            }
        }

        var count = Math.Min(destination.Length, _buffer.Length - _bufferOffset);
        _buffer.AsMemory(_bufferOffset, count).CopyTo(destination);
        _bufferOffset += count;
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
