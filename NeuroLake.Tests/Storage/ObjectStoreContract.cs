using System.Security.Cryptography;
using System.Text;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Tests.Storage;

/// <summary>
/// What every <see cref="IObjectStore"/> promises, written once and run by a test class per store (local folder, S3),
/// each over a fresh, empty store.
/// </summary>
internal static class ObjectStoreContract
{
    public static async Task Put_then_get_returns_the_same_bytes(IObjectStore store)
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await store.PutAsync("a/b/all-bytes.bin", bytes);
        await store.PutAsync("empty.bin", ReadOnlyMemory<byte>.Empty);

        Assert.Equal(bytes, await store.GetAsync("a/b/all-bytes.bin"));
        Assert.Empty(await store.GetAsync("empty.bin"));
    }

    public static async Task Put_replaces_an_existing_object(IObjectStore store)
    {
        await store.PutAsync("x.txt", "old content"u8.ToArray());
        await store.PutAsync("x.txt", "new"u8.ToArray());

        Assert.Equal("new", Encoding.UTF8.GetString(await store.GetAsync("x.txt")));
        Assert.Equal(3, (await store.GetInfoAsync("x.txt"))!.Size);
    }

    public static async Task Get_range_returns_the_slice_and_stops_at_the_end(IObjectStore store)
    {
        await store.PutAsync("x.bin", "0123456789"u8.ToArray());

        Assert.Equal("345", Encoding.UTF8.GetString(await store.GetRangeAsync("x.bin", 3, 3)));
        Assert.Equal("89", Encoding.UTF8.GetString(await store.GetRangeAsync("x.bin", 8, 10)));
        Assert.Empty(await store.GetRangeAsync("x.bin", 10, 5));
        Assert.Empty(await store.GetRangeAsync("x.bin", 4, 0));
    }

    public static async Task A_missing_key_is_not_found_everywhere(IObjectStore store)
    {
        var get = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetAsync("nope/missing.json"));
        Assert.Contains("nope/missing.json", get.Message);
        Assert.Equal("nope/missing.json", get.Key);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetRangeAsync("nope/missing.json", 0, 10));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetRangeAsync("nope/missing.json", 0, 0));
        Assert.Null(await store.GetInfoAsync("nope/missing.json"));
    }

    public static async Task Put_if_absent_refuses_to_replace_an_existing_object(IObjectStore store)
    {
        Assert.True(await store.PutIfAbsentAsync("_delta_log/00000000000000000001.json", "first"u8.ToArray()));
        Assert.False(await store.PutIfAbsentAsync("_delta_log/00000000000000000001.json", "second"u8.ToArray()));

        Assert.Equal("first", Encoding.UTF8.GetString(await store.GetAsync("_delta_log/00000000000000000001.json")));
    }

    public static async Task Put_if_absent_has_exactly_one_winner_among_concurrent_writers(IObjectStore store)
    {
        var attempts = Enumerable.Range(0, 16)
            .Select(i => Task.Run(() => store.PutIfAbsentAsync("race.json", Encoding.UTF8.GetBytes($"writer {i}"))))
            .ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(await store.GetAsync("race.json")));
        Assert.Equal(["race.json"], (await store.ListAsync("")).Select(o => o.Key));
    }

    public static async Task List_orders_keys_with_sizes_and_honours_prefix_and_start_after(IObjectStore store)
    {
        await store.PutAsync("t/_delta_log/00002.json", new byte[2]);
        await store.PutAsync("t/_delta_log/00001.json", new byte[1]);
        await store.PutAsync("t/_delta_log/00003.json", new byte[3]);
        await store.PutAsync("t/_delta_log/sub/00000.json", new byte[5]);
        await store.PutAsync("t/data.parquet", new byte[4]);
        await store.PutAsync("t2/_delta_log/00001.json", new byte[6]);

        var log = await store.ListAsync("t/_delta_log/");
        Assert.Equal(["t/_delta_log/00001.json", "t/_delta_log/00002.json", "t/_delta_log/00003.json", "t/_delta_log/sub/00000.json"], log.Select(o => o.Key));
        Assert.Equal([1L, 2L, 3L, 5L], log.Select(o => o.Size));
        Assert.All(log, o => Assert.True(o.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5) && o.LastModified < DateTimeOffset.UtcNow.AddMinutes(5)));

        var after = await store.ListAsync("t/_delta_log/", startAfter: "t/_delta_log/00001.json");
        Assert.Equal(["t/_delta_log/00002.json", "t/_delta_log/00003.json", "t/_delta_log/sub/00000.json"], after.Select(o => o.Key));

        // A prefix is a string prefix, not a folder: "t" matches t/ and t2/, "t/" only t/.
        Assert.Equal(6, (await store.ListAsync("t")).Count);
        Assert.Equal(5, (await store.ListAsync("t/")).Count);
        var all = await store.ListAsync("");
        Assert.Equal(all.Select(o => o.Key).Order(StringComparer.Ordinal), all.Select(o => o.Key));
        Assert.Empty(await store.ListAsync("missing/"));
    }

    public static async Task Info_reports_size_and_time(IObjectStore store)
    {
        await store.PutAsync("info/x.bin", new byte[1234]);

        var info = await store.GetInfoAsync("info/x.bin");

        Assert.NotNull(info);
        Assert.Equal("info/x.bin", info.Key);
        Assert.Equal(1234, info.Size);
        Assert.True(info.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5) && info.LastModified < DateTimeOffset.UtcNow.AddMinutes(5));
    }

    public static async Task Delete_removes_the_object_and_ignores_missing_keys(IObjectStore store)
    {
        await store.PutAsync("gone.txt", new byte[1]);
        await store.PutAsync("kept.txt", new byte[1]);

        await store.DeleteAsync("gone.txt");
        await store.DeleteAsync("never-there.txt");

        Assert.Null(await store.GetInfoAsync("gone.txt"));
        Assert.Equal(["kept.txt"], (await store.ListAsync("")).Select(o => o.Key));
    }

    public static async Task Keys_cannot_escape_the_root(IObjectStore store)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.PutAsync("../outside.txt", new byte[1]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetAsync("a/../../outside.txt"));
    }

    /// <summary>A stream put reads a non-seekable stream of unknown length to the end and stores every byte.</summary>
    public static async Task Put_from_a_stream_stores_every_byte(IObjectStore store, long length)
    {
        using var source = new PatternStream(length);
        await store.PutAsync("big/object.bin", source);

        var info = await store.GetInfoAsync("big/object.bin");
        Assert.Equal(length, info!.Size);
        using var expected = new PatternStream(length);
        Assert.Equal(await SHA256.HashDataAsync(expected), SHA256.HashData(await store.GetAsync("big/object.bin")));
        // Spot-check the part boundaries too, through ranges.
        foreach (var offset in new[] { 0L, length / 2, length - 7 })
        {
            Assert.Equal(PatternStream.Bytes(offset, 7), await store.GetRangeAsync("big/object.bin", offset, 7));
        }
    }
}

/// <summary>A forward-only, non-seekable stream of a deterministic byte pattern, so no test holds the expected content.</summary>
internal sealed class PatternStream(long length) : Stream
{
    private long _position;

    public static byte ByteAt(long position) => (byte)((position * 31 + (position >> 13)) & 0xFF);

    public static byte[] Bytes(long offset, int count) => Enumerable.Range(0, count).Select(i => ByteAt(offset + i)).ToArray();

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Short reads on purpose: callers must loop until the stream ends.
        var n = (int)Math.Min(Math.Min(count, 100_000), length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = ByteAt(_position + i);
        }

        _position += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
