using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// Changes a column's personal-data classification after ingest. Only the table's owner or an administrator may,
/// because the classification decides the mask: clearing it shows the stored values to every reader.
/// </summary>
public sealed class ColumnClassifier(CatalogStore catalog, PrivilegeEvaluator privileges, AuditLog? audit = null)
{
    /// <param name="type">What the column holds; null: it holds no personal data.</param>
    public async Task ClassifyAsync(string user, SecurablePath column, SemanticType? type, CancellationToken ct = default)
    {
        if (column.Column is null)
        {
            CatalogThrow.Invalid($"'{column}' is not a column: name it as catalog.schema.table.column.");
        }
        if (!await privileges.IsOwnerOrAdminAsync(user, column.TablePath, ct))
        {
            throw PermissionDeniedException.NotOwner("changing the personal-data classification of", new Securable(column.TablePath));
        }
        var stored = type is { } kind ? SemanticTypeNames.Stored(kind) : null;
        await catalog.ClassifyColumnAsync(column, stored, stored is null ? null : new PiiClassification(stored, 1, PiiSource.Manual), ct);
        if (audit is not null)
        {
            await audit.RecordAsync(new AuditEvent(user, AuditAction.Classification, column.TablePath.ToString(), AuditOutcome.Succeeded,
                $"{column.Column}: {stored ?? "no personal data"}"), ct);
        }
    }
}
