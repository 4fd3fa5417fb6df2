using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog;

/// <summary>Resolves dotted names to rows, failing with a message that names the missing part.</summary>
internal static class CatalogLookup
{
    public static async Task<Guid> TableIdAsync(CatalogDbContext db, SecurablePath path, CancellationToken ct) =>
        (await TableAsync(db, path, ct)).Id;

    public static async Task<TableRecord> TableAsync(CatalogDbContext db, SecurablePath path, CancellationToken ct)
    {
        if (path.Table is null)
        {
            CatalogThrow.Invalid($"'{path}' is not a table: name it as catalog.schema.table.");
        }

        var table = await db.Tables.FirstOrDefaultAsync(
            t => t.Name == path.Table && t.Schema!.Name == path.Schema && t.Schema.Catalog!.Name == path.Catalog, ct);
        if (table is null)
        {
            CatalogThrow.NotFound("Table", path.TablePath.ToString());
        }

        return table;
    }

    public static async Task<SchemaRecord> SchemaAsync(CatalogDbContext db, SecurablePath path, CancellationToken ct)
    {
        var schema = await db.Schemas.FirstOrDefaultAsync(s => s.Name == path.Schema && s.Catalog!.Name == path.Catalog, ct);
        if (schema is null)
        {
            CatalogThrow.NotFound("Schema", $"{path.Catalog}.{path.Schema}");
        }

        return schema;
    }

    /// <summary>The row behind any securable path, tracked so the caller can change it.</summary>
    public static async Task<SecurableRecord> SecurableAsync(CatalogDbContext db, SecurablePath path, CancellationToken ct)
    {
        switch (path.Kind)
        {
            case SecurableKind.Catalog:
                return await db.Catalogs.FirstOrDefaultAsync(c => c.Name == path.Catalog, ct)
                    ?? throw new CatalogException($"Catalog '{path.Catalog}' does not exist in the catalog: create it first or check the name.");
            case SecurableKind.Schema:
                return await SchemaAsync(db, path, ct);
            case SecurableKind.Table:
                return await TableAsync(db, path, ct);
            default:
                var table = await TableAsync(db, path, ct);
                var column = await db.Columns.FirstOrDefaultAsync(c => c.TableId == table.Id && c.Name == path.Column, ct);
                if (column is null)
                {
                    CatalogThrow.NotFound("Column", path.ToString());
                }

                return column;
        }
    }
}
