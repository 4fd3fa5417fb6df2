using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// An administrator revoking any account's token, from Admin → Tokens or the API, through <see cref="TokenAdministration"/>
/// (which checks again) and audited as an admin change on <c>token &lt;name&gt; of &lt;user&gt;</c>.
/// </summary>
public sealed class AuditedTokens(TokenAdministration administration, AdminAudit audit, IWorkbenchUser user)
{
    /// <returns>Null when revoked, else the refusal.</returns>
    public Task<Exception?> RevokeAsync(AccountToken token, CancellationToken ct) =>
        audit.AttemptAsync(AuditAction.AdminChange, $"token {token.Name} of {token.UserName}", "revoked the token",
            () => administration.RevokeAsync(user.Name, token, ct));
}
