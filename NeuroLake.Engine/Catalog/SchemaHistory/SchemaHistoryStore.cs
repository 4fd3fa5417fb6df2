using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.SchemaHistory;

/// <summary>Reads the schema versions the registrar records.</summary>
public sealed class SchemaHistoryStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal SchemaHistoryStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>All versions of the table's schema, oldest first.</summary>
    public async Task<IReadOnlyList<SchemaVersion>> GetHistoryAsync(SecurablePath table, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableId = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        var rows = await db.SchemaVersions.AsNoTracking()
            .Where(v => v.TableId == tableId)
            .OrderBy(v => v.Version)
            .ToListAsync(cancellationToken);
        return rows.Select(ToVersion).ToList();
    }

    internal static SchemaVersion ToVersion(SchemaVersionRecord row) => new(
        row.Version,
        row.TableVersion,
        row.RecordedAt,
        JsonColumn.Read<List<ColumnDescriptor>>(row.FieldsJson),
        JsonColumn.Read<List<SchemaChange>>(row.ChangesJson),
        (ChangeSeverity)row.Severity);
}
