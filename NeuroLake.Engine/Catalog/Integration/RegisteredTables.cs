using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>The catalog's tables by location: which name a location is registered under, and every registered location.</summary>
internal sealed class RegisteredTables(IDbContextFactory<CatalogDbContext> factory)
{
    /// <summary>The registered name and stored location of <paramref name="location"/> (in any of its spellings), or null.</summary>
    public async Task<RegisteredTable?> FindAsync(string location, CancellationToken ct)
    {
        var normalized = TableLocation.Normalize(location);
        var spellings = new[] { location, normalized, normalized + "/" }.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Tables.AsNoTracking()
            .Where(t => spellings.Contains(t.Location))
            .Select(t => new RegisteredTable(SecurablePath.ForTable(t.Schema!.Catalog!.Name, t.Schema.Name, t.Name), t.Location))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<RegisteredTable>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Tables.AsNoTracking()
            .OrderBy(t => t.Location)
            .Select(t => new { Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name, t.Location })
            .ToListAsync(ct);
        return rows.Select(r => new RegisteredTable(SecurablePath.ForTable(r.Catalog, r.Schema, r.Name), r.Location)).ToList();
    }
}

/// <summary>A table the catalog knows: its name and the location as stored.</summary>
public sealed record RegisteredTable(SecurablePath Name, string Location);
