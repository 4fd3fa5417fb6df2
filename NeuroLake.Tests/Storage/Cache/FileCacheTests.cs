using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage.Cache;

/// <summary>The local file cache over objects on the S3 test server: fetch once, integrity, pinning, eviction.</summary>
public sealed class FileCacheTests : IAsyncLifetime
{
    // Made on first use: the two facts that need no S3 server still run on a bare machine.
    private readonly Lazy<S3TestStorage> _s3 = new(() => new S3TestStorage());
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_s3.IsValueCreated)
        {
            await _s3.Value.DisposeAsync();
        }

        _folder.Dispose();
    }

    private FileCache NewCache(long capacity = 1 << 30) => new(Path.Combine(_folder.Path, "cache"), capacity);

    private async Task<(IObjectStore Store, byte[] Data)> StoreWithAsync(string key, int size)
    {
        var store = _s3.Value.RawStore();
        var data = new byte[size];
        Random.Shared.NextBytes(data);
        await store.PutAsync(key, data);
        return (store, data);
    }

    [S3Fact]
    public async Task Concurrent_readers_of_one_uncached_file_fetch_it_once_and_all_get_its_bytes()
    {
        var (store, data) = await StoreWithAsync("part-1.parquet", 3 * 1024 * 1024);
        var cache = NewCache();

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.LeaseAsync(store, [new CachedObjectRequest("part-1.parquet", data.Length)], default))));

        Assert.Equal(1, cache.Statistics.Misses);
        Assert.Equal(7, cache.Statistics.Hits);
        Assert.Equal(data.Length, cache.Statistics.BytesFetched);
        Assert.All(leases, l => Assert.Equal(data, File.ReadAllBytes(l.Paths["part-1.parquet"])));
        Assert.Equal(1, cache.Statistics.PinnedFiles);
        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        Assert.Equal(0, cache.Statistics.PinnedFiles);
    }

    [S3Fact]
    public async Task A_cached_copy_whose_size_changed_on_disk_is_fetched_again()
    {
        var (store, data) = await StoreWithAsync("part-2.parquet", 4096);
        var cache = NewCache();
        string path;
        using (var first = await cache.LeaseAsync(store, [new CachedObjectRequest("part-2.parquet")], default))
        {
            path = first.Paths["part-2.parquet"];
        }

        // Damage the copy: cut it short, as a crash or a person on the server might.
        File.WriteAllBytes(path, data[..100]);
        using var second = await cache.LeaseAsync(store, [new CachedObjectRequest("part-2.parquet")], default);

        Assert.Equal(data, File.ReadAllBytes(second.Paths["part-2.parquet"]));
        Assert.Equal(2, cache.Statistics.Misses);
    }

    [S3Fact]
    public async Task A_copy_whose_size_disagrees_with_the_log_is_fetched_again()
    {
        var (store, data) = await StoreWithAsync("part-3.parquet", 2048);
        var cache = NewCache();
        using (await cache.LeaseAsync(store, [new CachedObjectRequest("part-3.parquet", data.Length)], default))
        {
        }

        var replaced = new byte[1000];
        await store.PutAsync("part-3.parquet", replaced);
        using var lease = await cache.LeaseAsync(store, [new CachedObjectRequest("part-3.parquet", replaced.Length)], default);

        Assert.Equal(replaced, File.ReadAllBytes(lease.Paths["part-3.parquet"]));
        Assert.Equal(2, cache.Statistics.Misses);
    }

    [S3Fact]
    public async Task Pinned_files_survive_over_capacity_and_are_evicted_least_recently_used_first_once_released()
    {
        var store = _s3.Value.RawStore();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await store.PutAsync(name + ".parquet", new byte[1000]);
        }

        var cache = NewCache(capacity: 1500);
        var a = await cache.LeaseAsync(store, [new CachedObjectRequest("a.parquet")], default);
        var b = await cache.LeaseAsync(store, [new CachedObjectRequest("b.parquet")], default);

        // Over capacity with both pinned: nothing may go.
        Assert.Equal(0, cache.Statistics.Evictions);
        Assert.True(File.Exists(a.Paths["a.parquet"]) && File.Exists(b.Paths["b.parquet"]));

        a.Dispose();
        Assert.Equal(1, cache.Statistics.Evictions);
        Assert.False(File.Exists(a.Paths["a.parquet"]));
        Assert.True(File.Exists(b.Paths["b.parquet"]));

        b.Dispose();
        using var c = await cache.LeaseAsync(store, [new CachedObjectRequest("c.parquet")], default);
        Assert.Equal(2, cache.Statistics.Evictions);
        Assert.Equal(2000, cache.Statistics.BytesEvicted);
        Assert.Equal(1000, cache.Statistics.BytesCached);
    }

    [S3Fact]
    public async Task A_missing_object_fails_the_lease_and_leaves_no_file_behind()
    {
        var (store, _) = await StoreWithAsync("there.parquet", 10);
        var cache = NewCache();

        await Assert.ThrowsAsync<ObjectNotFoundException>(() =>
            cache.LeaseAsync(store, [new CachedObjectRequest("there.parquet"), new CachedObjectRequest("gone.parquet")], default));

        Assert.Equal(0, cache.Statistics.PinnedFiles);
        Assert.Empty(Directory.EnumerateFiles(cache.Root, "*.part", SearchOption.AllDirectories));
        Assert.False(File.Exists(cache.PathOf(store.Location, "gone.parquet")));
    }

    [Fact]
    public async Task Local_tables_are_read_in_place_without_a_copy()
    {
        var table = Path.Combine(_folder.Path, "table");
        Directory.CreateDirectory(table);
        var store = new LocalObjectStore(table);
        await store.PutAsync("part-0.parquet", new byte[] { 1, 2, 3 });

        using var lease = await TableFiles.LeaseAsync(store, [new CachedObjectRequest("part-0.parquet")], default);

        Assert.Same(FileLease.None, lease);
        Assert.Equal(Path.Combine(table, "part-0.parquet"), TableFiles.LocalPath(store, "part-0.parquet"));
    }

    [Fact]
    public void Starting_removes_copies_an_earlier_process_left_and_nothing_else_in_the_folder()
    {
        var root = Path.Combine(_folder.Path, "shared");
        var hash = new string('a', 64);
        Directory.CreateDirectory(Path.Combine(root, "ab"));
        Directory.CreateDirectory(Path.Combine(root, "notes"));
        File.WriteAllText(Path.Combine(root, "ab", hash + ".parquet"), "old copy");
        File.WriteAllText(Path.Combine(root, "ab", hash + ".parquet.0123.part"), "half a fetch");
        File.WriteAllText(Path.Combine(root, "keep.txt"), "someone's file");
        File.WriteAllText(Path.Combine(root, "notes", "todo.txt"), "someone's file");

        var cache = new FileCache(root, 1 << 20);

        Assert.False(Directory.Exists(Path.Combine(root, "ab")));
        Assert.True(File.Exists(Path.Combine(root, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(root, "notes", "todo.txt")));
        Assert.Equal(0, cache.Statistics.Files);
    }
}
