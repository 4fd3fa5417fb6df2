using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// Catalogs and schemas as one user may see them, with their owner and description: catalogs they may USE, schemas as
/// SHOW SCHEMAS lists them (<see cref="VisibleTables.SchemasAsync"/>). Names match ignoring case, as SQL's do; what a
/// user may not see is absent, exactly like what does not exist.
/// </summary>
public sealed class VisibleSecurables(CatalogStore catalog, VisibleTables visible, PrivilegeEvaluator privileges)
{
    /// <summary>The catalogs <paramref name="user"/> may USE, by name.</summary>
    public async Task<IReadOnlyList<SecurableInfo>> CatalogsAsync(string user, CancellationToken ct = default)
    {
        var usable = new List<SecurableInfo>();
        foreach (var c in await catalog.DescribeCatalogsAsync(ct))
        {
            if (await privileges.HasAsync(user, new Securable(c.Path), Privilege.UseCatalog, ct))
            {
                usable.Add(c);
            }
        }

        return usable;
    }

    /// <summary>The catalog named <paramref name="name"/> when <paramref name="user"/> may USE it, else null.</summary>
    public async Task<SecurableInfo?> CatalogAsync(string user, string name, CancellationToken ct = default) =>
        (await CatalogsAsync(user, ct)).FirstOrDefault(c => string.Equals(c.Path.Catalog, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The schemas of <paramref name="catalogName"/> <paramref name="user"/> may use (the catalog's visibility is the caller's to check).</summary>
    public async Task<IReadOnlyList<SecurableInfo>> SchemasAsync(string user, string catalogName, CancellationToken ct = default)
    {
        var schemas = await catalog.DescribeSchemasAsync(catalogName, ct);
        var usable = (await visible.SchemasAsync(user, catalogName, schemas.Select(s => s.Path.Schema!), ct)).ToHashSet(StringComparer.Ordinal);
        return schemas.Where(s => usable.Contains(s.Path.Schema!)).ToList();
    }

    /// <summary>The schema when <paramref name="user"/> may use it and its catalog, else null.</summary>
    public async Task<SecurableInfo?> SchemaAsync(string user, string catalogName, string schemaName, CancellationToken ct = default) =>
        await CatalogAsync(user, catalogName, ct) is { } parent
            ? (await SchemasAsync(user, parent.Path.Catalog, ct)).FirstOrDefault(s => string.Equals(s.Path.Schema, schemaName, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>
    /// The registered table <paramref name="user"/> may SELECT, found by name ignoring case; null when it does not exist
    /// or is hidden (one answer for both, so callers do not reveal which tables exist).
    /// </summary>
    public async Task<TableInfo?> TableAsync(string user, string catalogName, string schemaName, string tableName, CancellationToken ct = default)
    {
        if (await SchemaAsync(user, catalogName, schemaName, ct) is not { } schema)
        {
            return null;
        }

        var path = (await catalog.ListTablesAsync(schema.Path.Catalog, schema.Path.Schema!, ct))
            .FirstOrDefault(p => string.Equals(p.Table, tableName, StringComparison.OrdinalIgnoreCase));
        return path is not null && await visible.CanSelectAsync(user, path, ct) ? await catalog.FindTableAsync(path, ct) : null;
    }
}
