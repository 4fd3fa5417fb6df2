using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>Who may read the audit log: administrators (members of the engine's <c>admin</c> group).</summary>
public sealed class AuditAccess(IWorkbenchUser user, PrivilegeEvaluator privileges)
{
    public Task<bool> AllowedAsync(CancellationToken ct = default) => privileges.IsAdminAsync(user.Name, ct);
}
