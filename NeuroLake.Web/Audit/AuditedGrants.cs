using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// Grants and revokes from the Grants page or the API: the engine's <see cref="GrantStore"/> decides as the acting user
/// (administrators, and owners of the securable or an ancestor), and each attempt is audited as the SQL statement that
/// does the same (<see cref="GrantStatementText"/>). Each answers null when the change went through, else the refusal.
/// </summary>
public sealed class AuditedGrants(GrantStore store, AdminAudit audit, IWorkbenchUser user)
{
    public Task<Exception?> GrantAsync(IReadOnlyCollection<Privilege> privileges, Securable on, Principal to) =>
        audit.AttemptAsync(AuditAction.Grant, GrantStatementText.Target(on), GrantStatementText.Grant(privileges, on, to),
            () => store.GrantAsync(user.Name, privileges, on, to));

    public Task<Exception?> RevokeAsync(IReadOnlyCollection<Privilege> privileges, Securable on, Principal from) =>
        audit.AttemptAsync(AuditAction.Revoke, GrantStatementText.Target(on), GrantStatementText.Revoke(privileges, on, from),
            () => store.RevokeAsync(user.Name, privileges, on, from));
}
