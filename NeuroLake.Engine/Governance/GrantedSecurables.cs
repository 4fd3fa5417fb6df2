using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>Names the securables grants point at; grants on dropped securables have no name and are left out.</summary>
internal static class GrantedSecurables
{
    public static async Task<Dictionary<Guid, Securable>> NamesAsync(CatalogDbContext db, IEnumerable<Guid> securableIds, CancellationToken ct)
    {
        var ids = securableIds.Distinct().ToList();
        var names = new Dictionary<Guid, Securable>();
        if (ids.Remove(Guid.Empty))
        {
            names[Guid.Empty] = Securable.Metastore;
        }

        if (ids.Count == 0)
        {
            return names;
        }

        foreach (var c in await db.Catalogs.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            names[c.Id] = new Securable(new SecurablePath(c.Name));
        }

        foreach (var s in await db.Schemas.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, Catalog = s.Catalog!.Name, s.Name }).ToListAsync(ct))
        {
            names[s.Id] = new Securable(new SecurablePath(s.Catalog, s.Name));
        }

        foreach (var t in await db.Tables.AsNoTracking().Where(t => ids.Contains(t.Id))
                     .Select(t => new { t.Id, Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name }).ToListAsync(ct))
        {
            names[t.Id] = new Securable(new SecurablePath(t.Catalog, t.Schema, t.Name));
        }

        return names;
    }
}
