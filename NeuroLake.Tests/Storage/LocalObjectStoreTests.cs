using System.Text;
using NeuroLake.Engine.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage;

public sealed class LocalObjectStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalObjectStore _store;

    public LocalObjectStoreTests() => _store = new LocalObjectStore(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Put_then_get_returns_the_same_bytes_and_creates_folders()
    {
        await _store.PutAsync("a/b/c.txt", Encoding.UTF8.GetBytes("hello"));

        Assert.Equal("hello", Encoding.UTF8.GetString(await _store.GetAsync("a/b/c.txt")));
    }

    [Fact]
    public async Task Get_range_returns_the_requested_slice_and_stops_at_the_end()
    {
        await _store.PutAsync("x.bin", Encoding.UTF8.GetBytes("0123456789"));

        Assert.Equal("345", Encoding.UTF8.GetString(await _store.GetRangeAsync("x.bin", 3, 3)));
        Assert.Equal("89", Encoding.UTF8.GetString(await _store.GetRangeAsync("x.bin", 8, 10)));
    }

    [Fact]
    public async Task Get_of_a_missing_key_throws_object_not_found_naming_the_key()
    {
        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.GetAsync("nope/missing.json"));

        Assert.Contains("nope/missing.json", e.Message);
    }

    [Fact]
    public async Task Put_if_absent_refuses_to_replace_an_existing_object()
    {
        Assert.True(await _store.PutIfAbsentAsync("log/1.json", Encoding.UTF8.GetBytes("first")));
        Assert.False(await _store.PutIfAbsentAsync("log/1.json", Encoding.UTF8.GetBytes("second")));

        Assert.Equal("first", Encoding.UTF8.GetString(await _store.GetAsync("log/1.json")));
    }

    [Fact]
    public async Task Put_if_absent_has_exactly_one_winner_among_concurrent_writers()
    {
        var attempts = Enumerable.Range(0, 16)
            .Select(i => Task.Run(() => _store.PutIfAbsentAsync("race.json", Encoding.UTF8.GetBytes($"writer {i}"))))
            .ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(await _store.GetAsync("race.json")));
        Assert.Single(await _store.ListAsync(""));
    }

    [Fact]
    public async Task List_returns_keys_under_a_prefix_in_order_with_sizes_and_honours_start_after()
    {
        await _store.PutAsync("t/_delta_log/00002.json", new byte[2]);
        await _store.PutAsync("t/_delta_log/00001.json", new byte[1]);
        await _store.PutAsync("t/_delta_log/00003.json", new byte[3]);
        await _store.PutAsync("t/data.parquet", new byte[4]);

        var all = await _store.ListAsync("t/_delta_log/");
        Assert.Equal(["t/_delta_log/00001.json", "t/_delta_log/00002.json", "t/_delta_log/00003.json"], all.Select(o => o.Key));
        Assert.Equal([1L, 2L, 3L], all.Select(o => o.Size));
        Assert.All(all, o => Assert.True(o.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5)));

        var after = await _store.ListAsync("t/_delta_log/", startAfter: "t/_delta_log/00001.json");
        Assert.Equal(["t/_delta_log/00002.json", "t/_delta_log/00003.json"], after.Select(o => o.Key));
    }

    [Fact]
    public async Task List_of_a_missing_folder_is_empty()
    {
        Assert.Empty(await _store.ListAsync("missing/"));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_ignores_missing_keys()
    {
        await _store.PutAsync("gone.txt", new byte[1]);

        await _store.DeleteAsync("gone.txt");
        await _store.DeleteAsync("never-there.txt");

        Assert.Null(await _store.GetInfoAsync("gone.txt"));
    }

    [Fact]
    public void Keys_cannot_escape_the_root()
    {
        Assert.Throws<ArgumentException>(() => _store.GetLocalPath("../outside.txt"));
    }
}
