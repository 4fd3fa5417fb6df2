using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// Changes to what the catalog says about a table, for the table page and the API alike: description, tags and column
/// comments need MODIFY on the table (as in Unity Catalog, where COMMENT ON needs MODIFY); a PII classification decides
/// masking, so it and the owner (ALTER ... OWNER TO's rules, <see cref="GrantStore.SetOwnerAsync"/>) need ownership or
/// administration. Every attempt, refused ones too, is audited as <see cref="AuditAction.CatalogChange"/> on the table.
/// Callers check visibility first (a table the user may not SELECT is not found, never refused).
/// </summary>
public sealed class CatalogEdits(CatalogStore catalog, GrantStore grants, GroupDirectory groups, TablePrivileges privileges, AuditLog audit)
{
    public Task SetDescriptionAsync(string user, SecurablePath table, string description, CancellationToken ct = default) =>
        ChangeAsync(user, table, Privilege.Modify, $"description: {description}", () => catalog.SetDescriptionAsync(table.TablePath, description.Trim(), ct), ct);

    public Task SetTagsAsync(string user, SecurablePath table, IReadOnlyList<string> tags, CancellationToken ct = default) =>
        ChangeAsync(user, table, Privilege.Modify, $"tags: {string.Join(", ", tags)}", () => catalog.SetTagsAsync(table.TablePath, tags, ct), ct);

    /// <summary>Sets a column's comment (its catalog description); <paramref name="column"/> names the column.</summary>
    public Task SetColumnCommentAsync(string user, SecurablePath column, string comment, CancellationToken ct = default) =>
        ChangeAsync(user, column, Privilege.Modify, $"comment of {column.Column}: {comment}", () => catalog.SetDescriptionAsync(column, comment.Trim(), ct), ct);

    /// <summary>ALTER TABLE ... OWNER TO <paramref name="owner"/>: a group when one by that name exists, else a user.</summary>
    public Task SetOwnerAsync(string user, SecurablePath table, string owner, CancellationToken ct = default) =>
        ChangeAsync(user, table, null, $"owner: {owner}", async () =>
        {
            if (string.IsNullOrWhiteSpace(owner))
            {
                throw new Api.BadApiRequestException("The new owner is empty: name a user or a group, e.g. {\"owner\": \"ann\"}.");
            }

            var name = owner.Trim();
            var principal = await groups.GroupExistsAsync(name, ct) ? Principal.Group(name) : Principal.User(name);
            await grants.SetOwnerAsync(user, table.TablePath, principal, ct);
        }, ct);

    /// <param name="needs">The privilege the change needs, or null for ownership (or administration).</param>
    private async Task ChangeAsync(string user, SecurablePath path, Privilege? needs, string details, Func<Task> change, CancellationToken ct)
    {
        var target = path.TablePath.ToString();
        try
        {
            await privileges.RequireAsync(user, path.TablePath, needs, ct);
            await change();
        }
        catch (PermissionDeniedException denied)
        {
            await audit.RecordAsync(new AuditEvent(user, AuditAction.CatalogChange, target, AuditOutcome.Denied, $"{details}\n-- {denied.Message}"), ct);
            throw;
        }
        catch (NeuroLakeException refused)
        {
            await audit.RecordAsync(new AuditEvent(user, AuditAction.CatalogChange, target, AuditOutcome.Failed, $"{details}\n-- {refused.Message}"), ct);
            throw;
        }

        await audit.RecordAsync(new AuditEvent(user, AuditAction.CatalogChange, target, AuditOutcome.Succeeded, details), ct);
    }
}
