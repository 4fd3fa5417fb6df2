using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Catalog.Tiering;

/// <summary>Placements in the catalog (<c>file_placements</c>), keyed by the table's id, found by its location in any spelling.</summary>
internal sealed class CatalogPlacementStore(IDbContextFactory<CatalogDbContext> factory) : IPlacementStore
{
    public async Task<IReadOnlyList<FilePlacement>> ListAsync(string location, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await TableIdAsync(db, location, ct) is not { } id)
        {
            return [];
        }

        var rows = await db.FilePlacements.AsNoTracking().Where(p => p.TableId == id).ToListAsync(ct);
        return rows.Select(r => new FilePlacement(r.Key, (StorageTier)r.Tier, r.ObjectUri, r.Size, r.Checksum, r.ETag, r.ModifiedAt, r.MovedAt)).ToList();
    }

    public async Task SaveAsync(string location, FilePlacement placement, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var id = await TableIdAsync(db, location, ct)
            ?? throw new CatalogException($"The table at {location} is not in the catalog, so its files cannot be tiered. Register it first.");
        var row = await db.FilePlacements.FirstOrDefaultAsync(p => p.TableId == id && p.Key == placement.Key, ct);
        if (row is null)
        {
            row = new FilePlacementRecord { TableId = id, Key = placement.Key };
            db.FilePlacements.Add(row);
        }

        row.Tier = (int)placement.Tier;
        row.ObjectUri = placement.ObjectUri;
        row.Size = placement.Size;
        row.Checksum = placement.Checksum;
        row.ETag = placement.ETag;
        row.ModifiedAt = placement.ModifiedAt;
        row.MovedAt = placement.MovedAt;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(string location, string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await TableIdAsync(db, location, ct) is { } id)
        {
            await db.FilePlacements.Where(p => p.TableId == id && p.Key == key).ExecuteDeleteAsync(ct);
        }
    }

    private static async Task<Guid?> TableIdAsync(CatalogDbContext db, string location, CancellationToken ct)
    {
        var normalized = TableLocation.Normalize(location);
        var spellings = new[] { location, normalized, normalized + "/" }.Distinct().ToList();
        return await db.Tables.AsNoTracking().Where(t => spellings.Contains(t.Location)).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
    }
}
