using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>One level of a securable's ancestry as the catalog holds it: its row id (grants point at it) and owner.</summary>
internal sealed record SecurableLink(Securable Securable, Guid Id, string Owner);

/// <summary>
/// The metastore and the existing catalog, schema and table above (and including) a securable. A securable that does
/// not exist has a shorter chain: its ancestors' grants still decide, so a refusal does not reveal whether it exists.
/// </summary>
internal static class SecurableChain
{
    public static readonly SecurableLink Metastore = new(Securable.Metastore, Guid.Empty, "");

    public static async Task<IReadOnlyDictionary<SecurablePath, IReadOnlyList<SecurableLink>>> OfAsync(
        CatalogDbContext db, IReadOnlyCollection<SecurablePath> paths, CancellationToken ct)
    {
        var catalogNames = paths.Select(p => p.Catalog).Distinct().ToList();
        var catalogs = await db.Catalogs.AsNoTracking().Where(c => catalogNames.Contains(c.Name))
            .Select(c => new { c.Id, c.Name, c.Owner }).ToListAsync(ct);
        var catalogIds = catalogs.Select(c => c.Id).ToList();
        var schemaNames = paths.Where(p => p.Schema is not null).Select(p => p.Schema!).Distinct().ToList();
        var schemas = schemaNames.Count == 0 ? []
            : await db.Schemas.AsNoTracking().Where(s => catalogIds.Contains(s.CatalogId) && schemaNames.Contains(s.Name))
                .Select(s => new { s.Id, s.CatalogId, s.Name, s.Owner }).ToListAsync(ct);
        var schemaIds = schemas.Select(s => s.Id).ToList();
        var tableNames = paths.Where(p => p.Table is not null).Select(p => p.Table!).Distinct().ToList();
        var tables = tableNames.Count == 0 ? []
            : await db.Tables.AsNoTracking().Where(t => schemaIds.Contains(t.SchemaId) && tableNames.Contains(t.Name))
                .Select(t => new { t.Id, t.SchemaId, t.Name, t.Owner }).ToListAsync(ct);

        var chains = new Dictionary<SecurablePath, IReadOnlyList<SecurableLink>>();
        foreach (var path in paths.Distinct())
        {
            var chain = new List<SecurableLink> { Metastore };
            chains[path] = chain;
            var catalog = catalogs.FirstOrDefault(c => c.Name == path.Catalog);
            if (catalog is null)
            {
                continue;
            }

            chain.Add(new SecurableLink(new Securable(new SecurablePath(path.Catalog)), catalog.Id, catalog.Owner));
            var schema = path.Schema is null ? null : schemas.FirstOrDefault(s => s.CatalogId == catalog.Id && s.Name == path.Schema);
            if (schema is null)
            {
                continue;
            }

            chain.Add(new SecurableLink(new Securable(new SecurablePath(path.Catalog, path.Schema)), schema.Id, schema.Owner));
            var table = path.Table is null ? null : tables.FirstOrDefault(t => t.SchemaId == schema.Id && t.Name == path.Table);
            if (table is not null)
            {
                chain.Add(new SecurableLink(new Securable(path.TablePath), table.Id, table.Owner));
            }
        }

        return chains;
    }

    /// <summary>The row id of an existing securable (<see cref="Guid.Empty"/> for the metastore), or null when it does not exist.</summary>
    public static async Task<Guid?> IdAsync(CatalogDbContext db, Securable securable, CancellationToken ct)
    {
        if (securable.Path is null)
        {
            return Guid.Empty;
        }

        var chain = (await OfAsync(db, [securable.Path], ct))[securable.Path];
        return Reaches(chain, securable) ? chain[^1].Id : null;
    }

    /// <summary>Whether the chain reaches the securable itself (it exists).</summary>
    public static bool Reaches(IReadOnlyList<SecurableLink> chain, Securable securable) => chain[^1].Securable == securable;
}
