using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Engine.Catalog.Tiering;

/// <summary>Per-table tier overrides (<c>table_tier_overrides</c>); <see cref="TierOverride.Auto"/> is the absence of a row.</summary>
public sealed class TierOverrideStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal TierOverrideStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Every override, by table location as stored in the catalog.</summary>
    public async Task<IReadOnlyDictionary<string, TierOverride>> ListAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = await db.TierOverrides.AsNoTracking()
            .Join(db.Tables, o => o.TableId, t => t.Id, (o, t) => new { t.Location, o.Override })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Location, r => (TierOverride)r.Override, StringComparer.Ordinal);
    }

    /// <summary>Every registered table with its override (Auto where none is set), by name.</summary>
    public async Task<IReadOnlyList<(SecurablePath Table, TierOverride Override)>> ListTablesAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = await db.Tables.AsNoTracking()
            .Select(t => new
            {
                Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name,
                Override = db.TierOverrides.Where(o => o.TableId == t.Id).Select(o => (int?)o.Override).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => (SecurablePath.ForTable(r.Catalog, r.Schema, r.Name), (TierOverride)(r.Override ?? 0)))
            .OrderBy(r => r.Item1.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>The override of <paramref name="table"/>; null when the table is not in the catalog.</summary>
    public async Task<TierOverride?> GetAsync(SecurablePath table, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        if (await TableIdAsync(db, table, ct) is not { } id)
        {
            return null;
        }

        var row = await db.TierOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.TableId == id, ct);
        return row is null ? TierOverride.Auto : (TierOverride)row.Override;
    }

    /// <summary>Sets the override of <paramref name="table"/>; false when the table is not in the catalog.</summary>
    public async Task<bool> SetAsync(SecurablePath table, TierOverride value, string user, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        if (await TableIdAsync(db, table, ct) is not { } id)
        {
            return false;
        }

        var row = await db.TierOverrides.FirstOrDefaultAsync(o => o.TableId == id, ct);
        if (value == TierOverride.Auto)
        {
            if (row is not null)
            {
                db.TierOverrides.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                row = new TierOverrideRecord { TableId = id };
                db.TierOverrides.Add(row);
            }

            row.Override = (int)value;
            row.SetBy = user;
            row.SetAt = _time.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Task<Guid?> TableIdAsync(CatalogDbContext db, SecurablePath table, CancellationToken ct) =>
        db.Tables.AsNoTracking()
            .Where(t => t.Schema!.Catalog!.Name == table.Catalog && t.Schema.Name == table.Schema && t.Name == table.Table)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(ct);
}
