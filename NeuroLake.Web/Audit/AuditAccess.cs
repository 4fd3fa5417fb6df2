using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// Who may read the audit log: the workbench's administrator, today the configured <c>NeuroLake:User</c> (in Single
/// mode everyone is that user). Membership of the <c>admin</c> group replaces this check when groups exist.
/// </summary>
public sealed class AuditAccess(IWorkbenchUser user, IOptions<NeuroLakeOptions> options)
{
    public bool Allowed => string.Equals(user.Name, options.Value.User, StringComparison.Ordinal);
}
