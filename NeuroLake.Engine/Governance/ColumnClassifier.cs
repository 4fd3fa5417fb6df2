using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// Changes a column's personal-data classification after ingest, for the Columns tab and the catalog API alike. Only
/// the table's owner or an administrator may, because the classification decides the mask: clearing it shows the
/// stored values to every reader. Only known kinds (<see cref="SemanticType"/>) can be given, so every classified
/// column has a mask. Each attempt, a refused one too, is audited as <see cref="AuditAction.Classification"/> on the table.
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

        var stored = type is { } kind ? SemanticTypeNames.Stored(kind) : null;
        var details = $"{column.Column}: {stored ?? "no personal data"}";
        if (!await privileges.IsOwnerOrAdminAsync(user, column.TablePath, ct))
        {
            var denied = PermissionDeniedException.NotOwner("changing the personal-data classification of", new Securable(column.TablePath));
            await RecordAsync(user, column, AuditOutcome.Denied, $"{details}\n-- {denied.Message}", ct);
            throw denied;
        }

        await catalog.ClassifyColumnAsync(column, stored, stored is null ? null : new PiiClassification(stored, 1, PiiSource.Manual), ct);
        await RecordAsync(user, column, AuditOutcome.Succeeded, details, ct);
    }

    /// <summary>Every kind a column can be classified as, by stored name (<c>email</c>, <c>credit_card</c>, ...).</summary>
    public static IReadOnlyList<string> KnownKinds { get; } = Enum.GetValues<SemanticType>().Select(SemanticTypeNames.Stored).ToList();

    private async Task RecordAsync(string user, SecurablePath column, AuditOutcome outcome, string details, CancellationToken ct)
    {
        if (audit is not null)
        {
            await audit.RecordAsync(new AuditEvent(user, AuditAction.Classification, column.TablePath.ToString(), outcome, details), ct);
        }
    }
}
