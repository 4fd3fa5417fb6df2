using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Every account's personal access tokens, for administrators: list them and revoke any. Each call checks that the
/// acting user is an administrator again, so a page whose policy was bypassed or went stale still cannot revoke.
/// </summary>
public sealed class TokenAdministration(IDbContextFactory<AccountsDbContext> databases, AccessTokens tokens, PrivilegeEvaluator privileges, TimeProvider time)
{
    /// <summary>All tokens: by user name, then active before expired before revoked, then newest first.</summary>
    /// <exception cref="PermissionDeniedException"><paramref name="actor"/> is not an administrator.</exception>
    public async Task<IReadOnlyList<AccountToken>> ListAsync(string actor, CancellationToken ct)
    {
        await RequireAdminAsync(actor, "list every account's tokens", ct);
        await using var db = await databases.CreateDbContextAsync(ct);
        var listed = await (
            from token in db.AccessTokens.AsNoTracking()
            join account in db.Users.AsNoTracking() on token.AccountId equals account.Id
            select new AccountToken(token.Id, token.AccountId, account.UserName ?? "", token.Name, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return listed
            .OrderBy(t => t.UserName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.StateAt(now))
            .ThenByDescending(t => t.CreatedAt)
            .ToList();
    }

    /// <summary>Revokes <paramref name="token"/>: from now on it answers 401 on the API.</summary>
    /// <exception cref="PermissionDeniedException"><paramref name="actor"/> is not an administrator.</exception>
    /// <exception cref="AccessTokenException">The token no longer exists (its account was deleted).</exception>
    public async Task RevokeAsync(string actor, AccountToken token, CancellationToken ct)
    {
        await RequireAdminAsync(actor, "revoke another account's token", ct);
        if (!await tokens.RevokeAsync(token.AccountId, token.Id, ct))
        {
            throw new AccessTokenException($"The token '{token.Name}' of {token.UserName} no longer exists: reload the page.");
        }
    }

    private async Task RequireAdminAsync(string actor, string action, CancellationToken ct)
    {
        if (!await privileges.IsAdminAsync(actor, ct))
        {
            throw new PermissionDeniedException($"permission denied: only an administrator may {action}.");
        }
    }
}
