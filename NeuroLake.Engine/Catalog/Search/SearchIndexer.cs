using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Search;

/// <summary>Keeps search documents in step with the securables they describe; called from SaveChangesAsync.</summary>
internal static class SearchIndexer
{
    private const int Chunk = 500;

    /// <summary>
    /// What to rebuild: schemas that changed themselves get a new document; schemas only reached through their tables just
    /// get their PII flag refreshed in place, so concurrent registrations in one schema never rewrite the same rows.
    /// </summary>
    internal sealed record Affected(HashSet<Guid> SchemaIds, HashSet<Guid> TableIds, HashSet<Guid> PiiSchemaIds)
    {
        public bool IsEmpty => SchemaIds.Count == 0 && TableIds.Count == 0;
    }

    public static Affected CollectAffected(ChangeTracker tracker)
    {
        var affected = new Affected([], [], []);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case SchemaRecord schema:
                    affected.SchemaIds.Add(schema.Id);
                    break;
                case TableRecord table:
                    affected.TableIds.Add(table.Id);
                    affected.PiiSchemaIds.Add(table.SchemaId);
                    break;
                case ColumnRecord column:
                    affected.TableIds.Add(column.TableId);
                    break;
            }
        }

        return affected;
    }

    public static async Task RebuildAsync(CatalogDbContext db, Affected affected, CancellationToken ct)
    {
        foreach (var tableIds in affected.TableIds.Chunk(Chunk))
        {
            await db.SearchDocuments.Where(d => tableIds.Contains(d.Id) || (d.TableId != null && tableIds.Contains(d.TableId.Value)))
                .ExecuteDeleteAsync(ct);
            var tables = await db.Tables.AsNoTracking()
                .Where(t => tableIds.Contains(t.Id))
                .Select(t => new { Table = t, SchemaName = t.Schema!.Name, CatalogName = t.Schema.Catalog!.Name, t.Columns })
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var row in tables)
            {
                AddTable(db, row.CatalogName, row.SchemaName, row.Table, row.Columns);
                affected.PiiSchemaIds.Add(row.Table.SchemaId);
            }
        }

        foreach (var schemaIds in affected.SchemaIds.Chunk(Chunk))
        {
            await db.SearchDocuments.Where(d => schemaIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
            var schemas = await db.Schemas.AsNoTracking()
                .Where(s => schemaIds.Contains(s.Id))
                .Select(s => new
                {
                    Schema = s,
                    CatalogName = s.Catalog!.Name,
                    HasPii = s.Tables.Any(t => t.Columns.Any(c => c.PiiType != null)),
                })
                .ToListAsync(ct);
            foreach (var row in schemas)
            {
                var schema = row.Schema;
                Add(db, new SearchDocumentRecord
                {
                    Id = schema.Id,
                    Kind = SecurableKind.Schema,
                    SchemaId = schema.Id,
                    QualifiedName = $"{row.CatalogName}.{schema.Name}",
                    HasPii = row.HasPii,
                }, schema, schema.Name);
            }
        }
    }

    /// <summary>Sets each schema document's PII flag from the schema's columns, in place.</summary>
    public static async Task RefreshSchemaPiiAsync(CatalogDbContext db, Affected affected, CancellationToken ct)
    {
        foreach (var schemaIds in affected.PiiSchemaIds.Except(affected.SchemaIds).Chunk(Chunk))
        {
            await db.SearchDocuments
                .Where(d => schemaIds.Contains(d.Id))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.HasPii, d => db.Columns.Any(c => c.Table!.SchemaId == d.Id && c.PiiType != null)), ct);
        }
    }

    /// <summary>Documents are written once per save; forgetting them lets the next rebuild insert the same keys.</summary>
    public static void DetachDocuments(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().Where(e => e.Entity is SearchDocumentRecord or SearchTermRecord).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static void AddTable(CatalogDbContext db, string catalogName, string schemaName, TableRecord table, List<ColumnRecord> columns)
    {
        var tableName = $"{catalogName}.{schemaName}.{table.Name}";
        Add(db, new SearchDocumentRecord
        {
            Id = table.Id,
            Kind = SecurableKind.Table,
            SchemaId = table.SchemaId,
            TableId = table.Id,
            QualifiedName = tableName,
            HasPii = columns.Any(c => c.PiiType != null),
        }, table, schemaName);
        foreach (var column in columns)
        {
            Add(db, new SearchDocumentRecord
            {
                Id = column.Id,
                Kind = SecurableKind.Column,
                SchemaId = table.SchemaId,
                TableId = table.Id,
                QualifiedName = $"{tableName}.{column.Name}",
                HasPii = column.PiiType != null,
            }, column, schemaName);
        }
    }

    private static void Add(CatalogDbContext db, SearchDocumentRecord document, SecurableRecord securable, string schemaName)
    {
        document.Name = securable.Name;
        document.SchemaNameLower = SearchTerms.Normalize(schemaName);
        document.OwnerLower = SearchTerms.Normalize(securable.Owner);
        document.Description = securable.Description;
        document.Terms = SearchTerms.For(document.Id, document.Kind, securable.Name, securable.Tags, securable.Description);
        db.SearchDocuments.Add(document);
    }
}
