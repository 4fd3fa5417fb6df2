using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Transfer;

/// <summary>
/// Writes an export into a freshly migrated, empty catalog with the same keys, in one transaction. Rows go in through
/// plain INSERTs with the provider's own parameter mappings (not through the DbContext), so the search index and other
/// side effects of saving are restored as exported rather than rebuilt.
/// </summary>
internal sealed class CatalogImport(IDbContextFactory<CatalogDbContext> factory)
{
    /// <param name="exported">Tables as <see cref="CatalogExport"/> wrote them.</param>
    /// <param name="relocate">Maps a table location of the backup to its location after restore (data folders move).</param>
    public async Task ImportAsync(IReadOnlyList<CatalogTableRows> exported, Func<string, string> relocate, CancellationToken ct)
    {
        var byTable = exported.ToDictionary(t => t.Table, StringComparer.Ordinal);
        if (exported.FirstOrDefault(t => t.FormatVersion > CatalogTableRows.CurrentFormatVersion) is { } newer)
        {
            throw new CatalogException(
                $"The catalog export of '{newer.Table}' has format version {newer.FormatVersion}; this NeuroLake reads up to {CatalogTableRows.CurrentFormatVersion}. Restore with a newer NeuroLake.");
        }

        await using var context = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var connection = context.Database.GetDbConnection();
        var order = CatalogTables.InInsertOrder(context.Model);
        foreach (var entityType in order.Where(e => !Seeded.Contains(e.ClrType)))
        {
            await RefuseNonEmptyAsync(connection, transaction.GetDbTransaction(), entityType, ct).ConfigureAwait(false);
        }

        // Migrations seed the built-in templates, role groups and their grants; a set that carries the source's own
        // rows for them (possibly edited) replaces the seed, an older set without them keeps it.
        foreach (var entityType in order.Reverse().Where(e => !Seeded.Contains(e.ClrType) || byTable.ContainsKey(e.GetTableName()!)))
        {
            await ExecuteAsync(connection, transaction.GetDbTransaction(), $"DELETE FROM {Quote(entityType.GetTableName()!)}", ct).ConfigureAwait(false);
        }

        foreach (var entityType in order)
        {
            if (byTable.TryGetValue(entityType.GetTableName()!, out var table))
            {
                var relocated = entityType.ClrType == typeof(TableRecord) || entityType.ClrType == typeof(RatifiedCommitRecord);
                foreach (var row in table.Rows)
                {
                    await InsertAsync(connection, transaction.GetDbTransaction(), entityType, row, relocated ? relocate : null, ct).ConfigureAwait(false);
                }
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static readonly HashSet<Type> Seeded = [typeof(TemplateRecord), typeof(GroupRecord), typeof(GrantRecord)];

    private static async Task RefuseNonEmptyAsync(DbConnection connection, DbTransaction transaction, IEntityType entityType, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(entityType.GetTableName()!)}";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            throw new CatalogException(
                $"The target catalog is not empty (table '{entityType.GetTableName()}' has rows): restore into a new, freshly migrated catalog database.");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, IEntityType entityType, JsonObject row, Func<string, string>? relocate, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = CatalogTables.Columns(entityType).ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new List<string>();
        var parameters = new List<string>();
        foreach (var property in properties)
        {
            var value = row.TryGetPropertyValue(property.Name, out var node) ? node.Deserialize(property.ClrType) : null;
            if (relocate is not null && property.Name == nameof(TableRecord.Location) && value is string location)
            {
                value = relocate(location);
            }

            var name = $"@p{parameters.Count}";
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
            names.Add(Quote(property.GetColumnName(table)!));
            parameters.Add(name);
        }

        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", parameters)})";
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // Both providers take standard double-quoted identifiers; the names come from the model, never from the export.
    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
