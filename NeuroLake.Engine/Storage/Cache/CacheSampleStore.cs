using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Storage.Cache;

/// <summary>The file cache's samples in the catalog (table <c>cache_samples</c>), kept as long as metered usage.</summary>
public sealed class CacheSampleStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal CacheSampleStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    public async Task SaveAsync(CacheSample sample, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.CacheSamples.Add(new CacheSampleRecord
        {
            Id = Guid.NewGuid(), TakenAt = sample.TakenAt, Hits = sample.Hits, Misses = sample.Misses, Evictions = sample.Evictions,
            BytesFetched = sample.BytesFetched, BytesEvicted = sample.BytesEvicted, BytesHeld = sample.BytesHeld, CapacityBytes = sample.CapacityBytes,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The samples taken in [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public async Task<IReadOnlyList<CacheSample>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var records = await db.CacheSamples.AsNoTracking().Where(s => s.TakenAt >= from && s.TakenAt <= to).OrderBy(s => s.TakenAt).ToListAsync(ct);
        return records.Select(r => new CacheSample(r.TakenAt, r.Hits, r.Misses, r.Evictions, r.BytesFetched, r.BytesEvicted, r.BytesHeld, r.CapacityBytes)).ToList();
    }

    /// <summary>Deletes the samples taken before <paramref name="firstKept"/>; returns how many went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset firstKept, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.CacheSamples.Where(s => s.TakenAt < firstKept).ExecuteDeleteAsync(ct);
    }
}
