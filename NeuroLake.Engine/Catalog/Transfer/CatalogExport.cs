using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Transfer;

/// <summary>
/// Reads every table of the catalog model as <see cref="CatalogTableRows"/>, inside one transaction so the tables agree
/// with each other (a table's recorded version and its columns come from the same moment).
/// </summary>
internal sealed class CatalogExport(IDbContextFactory<CatalogDbContext> factory)
{
    private static readonly MethodInfo ReadAllMethod =
        typeof(CatalogExport).GetMethod(nameof(ReadAllAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<IReadOnlyList<CatalogTableRows>> ExportAsync(CancellationToken ct)
    {
        await using var context = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        // Repeatable read on PostgreSQL; SQLite's read transaction is a snapshot already.
        await using var transaction = await context.Database
            .BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        var tables = new List<CatalogTableRows>();
        // Placements are left out: a backup holds every placed file's bytes under its table key, and a restore writes
        // them into the table folder, so the restored catalog must not send reads (or VACUUM's deletes) to this lakehouse's tiers.
        foreach (var entityType in CatalogTables.InInsertOrder(context.Model).Where(e => e.ClrType != typeof(FilePlacementRecord)))
        {
            var read = (Task<List<object>>)ReadAllMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [context, ct])!;
            var rows = (await read.ConfigureAwait(false)).Select(entity => ToRow(entityType, entity)).ToList();
            tables.Add(new CatalogTableRows(CatalogTableRows.CurrentFormatVersion, entityType.GetTableName()!, rows));
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return tables;
    }

    private static async Task<List<object>> ReadAllAsync<T>(CatalogDbContext context, CancellationToken ct)
        where T : class =>
        [.. await context.Set<T>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false)];

    private static JsonObject ToRow(IEntityType entityType, object entity)
    {
        var row = new JsonObject();
        foreach (var property in CatalogTables.Columns(entityType))
        {
            row[property.Name] = JsonSerializer.SerializeToNode(property.PropertyInfo!.GetValue(entity), property.ClrType);
        }

        return row;
    }
}
