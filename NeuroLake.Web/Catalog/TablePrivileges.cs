using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// Checks a privilege on a table before work that would otherwise fail later and out of sight (a background OPTIMIZE,
/// a catalog edit), with the engine's wording: what is missing and whom to ask.
/// </summary>
public sealed class TablePrivileges(PrivilegeEvaluator privileges)
{
    /// <param name="needs">The privilege needed, or null for ownership (or administration).</param>
    /// <exception cref="PermissionDeniedException">The user lacks it.</exception>
    public async Task RequireAsync(string user, SecurablePath table, Privilege? needs, CancellationToken ct = default)
    {
        var securable = Securable.Of(table);
        if (needs is { } privilege)
        {
            if (!await privileges.HasAsync(user, securable, privilege, ct))
            {
                throw new PermissionDeniedException(
                    $"permission denied: {PrivilegeNames.Sql(privilege)} on {securable}; ask its owner or an administrator to GRANT {PrivilegeNames.Sql(privilege)}.");
            }
        }
        else if (!await privileges.IsOwnerOrAdminAsync(user, table.TablePath, ct))
        {
            throw new PermissionDeniedException(
                $"permission denied: changing {securable} this way needs OWNERSHIP; ask its owner or an administrator to do it or to transfer ownership (ALTER ... OWNER TO).");
        }
    }
}
