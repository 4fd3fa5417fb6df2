using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// Registers a table, then gives columns that the catalog has not classified yet the semantic type and PII flag declared in
/// their Delta field metadata (<c>neurolake.semanticType</c>, <c>neurolake.pii</c>). What people set in the catalog wins.
/// </summary>
internal sealed class CatalogTableRecorder(ICatalogRegistrar registrar, IDbContextFactory<CatalogDbContext> factory)
{
    /// <summary>A declared <c>neurolake.pii: true</c> without a semantic type is recorded as this PII type.</summary>
    public const string UnspecifiedPiiType = "unspecified";

    public ICatalogRegistrar Registrar => registrar;

    public async Task<RegistrationResult> RecordAsync(TableRegistration table, CancellationToken ct)
    {
        var result = await registrar.RegisterTableAsync(table, ct).ConfigureAwait(false);
        if (result.Outcome is RegistrationOutcome.Created or RegistrationOutcome.Updated)
        {
            await ApplyDeclaredClassificationsAsync(result.TableId, table.Columns, ct).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ApplyDeclaredClassificationsAsync(Guid tableId, IReadOnlyList<ColumnDescriptor> columns, CancellationToken ct)
    {
        var declared = columns
            .Select(c => (c.Name, Semantic: Declared(c, StructField.SemanticTypeKey), Pii: Declared(c, StructField.PiiKey) == "true"))
            .Where(c => c.Semantic is not null || c.Pii)
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        if (declared.Count == 0)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        foreach (var column in await db.Columns.Where(c => c.TableId == tableId).ToListAsync(ct).ConfigureAwait(false))
        {
            if (!declared.TryGetValue(column.Name, out var d))
            {
                continue;
            }

            column.SemanticType ??= d.Semantic;
            if (d.Pii && column.PiiType is null)
            {
                (column.PiiType, column.PiiConfidence, column.PiiSource) = (d.Semantic ?? UnspecifiedPiiType, 1.0, PiiSource.Manual);
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static string? Declared(ColumnDescriptor column, string key) =>
        column.Metadata is { } metadata && metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
