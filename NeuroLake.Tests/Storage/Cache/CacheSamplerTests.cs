using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Jobs;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage.Cache;

/// <summary>Samples of the file cache's counters stored in a real catalog: changes per interval, never negative, pruned by age.</summary>
public sealed class CacheSamplerTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>, IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CacheSampleStore StoreOf(IServiceProvider services) =>
        new(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());

    private FileCache NewCache(string name, long capacity = 1 << 20) => new(Path.Combine(_folder.Path, name), capacity);

    // Reads each key through the cache and lets go of it at once.
    private static async Task ReadAsync(FileCache cache, IObjectStore store, params (string Key, int Size)[] files)
    {
        foreach (var (key, size) in files)
        {
            using var lease = await cache.LeaseAsync(store, [new CachedObjectRequest(key, size)], default);
        }
    }

    private static async Task<IObjectStore> LocalFilesAsync(string folder, params (string Key, int Size)[] files)
    {
        var store = new LocalObjectStore(folder);
        foreach (var (key, size) in files)
        {
            await store.PutAsync(key, new byte[size]);
        }

        return store;
    }

    [Theory, CatalogProviders]
    public async Task Each_sample_holds_what_the_cache_did_since_the_previous_one(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var store = StoreOf(services);
        var clock = new ManualClock(Noon);
        var files = await LocalFilesAsync(Path.Combine(_folder.Path, "table"), ("a.parquet", 400_000), ("b.parquet", 400_000), ("c.parquet", 400_000));
        var cache = NewCache("cache", capacity: 900_000);
        var sampler = new CacheSampler(() => cache.Statistics, store, clock);

        await ReadAsync(cache, files, ("a.parquet", 400_000), ("a.parquet", 400_000));
        await sampler.SampleAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        // b fits beside a; c pushes the least recently used (a) out.
        await ReadAsync(cache, files, ("b.parquet", 400_000), ("b.parquet", 400_000), ("b.parquet", 400_000), ("c.parquet", 400_000));
        await sampler.SampleAsync();
        var samples = await store.ListAsync(Noon.AddHours(-1), Noon.AddHours(1));

        Assert.Equal(2, samples.Count);
        Assert.Equal(new CacheSample(Noon, 1, 1, 0, 400_000, 0, 400_000, 900_000), samples[0]);
        Assert.Equal(new CacheSample(Noon.AddMinutes(5), 2, 2, 1, 800_000, 400_000, 800_000, 900_000), samples[1]);
        Assert.Equal(0.5, samples[1].HitRate);
    }

    [Theory, CatalogProviders]
    public async Task A_restarted_cache_counting_from_zero_gives_no_negative_change(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var store = StoreOf(services);
        var clock = new ManualClock(Noon);
        var files = await LocalFilesAsync(Path.Combine(_folder.Path, "table"), ("a.parquet", 1000), ("b.parquet", 1000));
        var before = NewCache("before");
        await ReadAsync(before, files, ("a.parquet", 1000), ("a.parquet", 1000), ("a.parquet", 1000), ("b.parquet", 1000));
        var current = before;
        var sampler = new CacheSampler(() => current.Statistics, store, clock);
        await sampler.SampleAsync();

        // The process restarted: a new cache whose counters start again below the last sample's.
        current = NewCache("after");
        await ReadAsync(current, files, ("a.parquet", 1000));
        clock.Advance(TimeSpan.FromMinutes(5));
        var afterRestart = await sampler.SampleAsync();
        // And a new sampler (a new process) counts its cache from zero too.
        clock.Advance(TimeSpan.FromMinutes(5));
        await ReadAsync(current, files, ("a.parquet", 1000));
        var fresh = await new CacheSampler(() => current.Statistics, store, clock).SampleAsync();

        Assert.Equal(new CacheSample(Noon.AddMinutes(5), 0, 1, 0, 1000, 0, 1000, 1 << 20), afterRestart);
        Assert.Equal((1, 1), (fresh.Hits, fresh.Misses));
        var stored = await store.ListAsync(Noon, Noon.AddHours(1));
        Assert.Equal(3, stored.Count);
        Assert.All(stored, s => Assert.True(s is { Hits: >= 0, Misses: >= 0, Evictions: >= 0, BytesFetched: >= 0, BytesEvicted: >= 0 }, s.ToString()));
    }

    [Theory, CatalogProviders]
    public async Task Pruning_removes_samples_taken_before_the_cut_off_only(CatalogProvider provider)
    {
        await using var services = await databases.CreateMigratedAsync(provider);
        var store = StoreOf(services);
        var old = new CacheSample(Noon.AddDays(-401), 1, 2, 3, 4, 5, 6, 7);
        var kept = new CacheSample(Noon.AddDays(-399), 8, 9, 10, 11, 12, 13, 14);
        await store.SaveAsync(old);
        await store.SaveAsync(kept);

        var removed = await store.PruneAsync(Noon.AddDays(-400));

        Assert.Equal(1, removed);
        Assert.Equal([kept], await store.ListAsync(Noon.AddDays(-500), Noon));
    }

    [S3Fact]
    public async Task Reads_of_objects_on_the_S3_server_show_up_in_the_next_sample()
    {
        await using var s3 = new S3TestStorage();
        await using var services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var store = StoreOf(services);
        var remote = s3.RawStore();
        await remote.PutAsync("part-1.parquet", new byte[70_000]);
        var cache = NewCache("s3");
        var sampler = new CacheSampler(() => cache.Statistics, store, new ManualClock(Noon));

        await ReadAsync(cache, remote, ("part-1.parquet", 70_000), ("part-1.parquet", 70_000), ("part-1.parquet", 70_000));
        var sample = await sampler.SampleAsync();

        Assert.Equal((2, 1, 70_000L, 70_000L), (sample.Hits, sample.Misses, sample.BytesFetched, sample.BytesHeld));
        Assert.Equal([sample], await store.ListAsync(Noon, Noon));
    }
}
