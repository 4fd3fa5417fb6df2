using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>
/// What an administrator does to accounts: list, create with an initial password, disable or enable, reset a password,
/// unlock, delete. Each call uses its own scope, so a long-lived circuit never works on stale accounts.
/// </summary>
public sealed class AccountDirectory(IServiceScopeFactory scopes, IDbContextFactory<AccountsDbContext> databases, TimeProvider time)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var admins = (await users.GetUsersInRoleAsync(WorkbenchRoles.Admin)).Select(a => a.Id).ToHashSet();
        var now = time.GetUtcNow();
        var accounts = await users.Users.AsNoTracking().ToListAsync(ct);
        return accounts
            .OrderBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(a => new AccountSummary(a.Id, a.UserName ?? "", admins.Contains(a.Id), a.IsDisabled, a.LockoutEnd > now ? a.LockoutEnd : null, a.TwoFactorEnabled,
                a.PasswordHash is not null))
            .ToList();
    }

    /// <summary>Creates an account that signs in with <paramref name="password"/> (the user changes it on the password page).</summary>
    public async Task<IdentityResult> CreateAsync(string userName, string password, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Users(scope).CreateAsync(new WorkbenchAccount { UserName = userName?.Trim() }, password ?? "");
    }

    /// <summary>Disables or enables an account; disabling also ends its sessions (new security stamp) and stops its tokens.</summary>
    public Task<IdentityResult> SetDisabledAsync(string accountId, bool disabled, CancellationToken ct) =>
        ChangeAsync(accountId, async (users, account) =>
        {
            account.IsDisabled = disabled;
            var updated = await users.UpdateAsync(account);
            return updated.Succeeded && disabled ? await users.UpdateSecurityStampAsync(account) : updated;
        });

    public Task<IdentityResult> ResetPasswordAsync(string accountId, string newPassword, CancellationToken ct) =>
        ChangeAsync(accountId, async (users, account) =>
            await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), newPassword ?? ""));

    /// <summary>Ends a lockout after failed sign-ins now, and forgets the failures.</summary>
    public Task<IdentityResult> UnlockAsync(string accountId, CancellationToken ct) =>
        ChangeAsync(accountId, async (users, account) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(account, null);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(account) : unlocked;
        });

    /// <summary>Deletes an account and its access tokens (so they stop working at once); its sessions end with it.</summary>
    public Task<IdentityResult> DeleteAsync(string accountId, CancellationToken ct) =>
        ChangeAsync(accountId, async (users, account) =>
        {
            await using (var db = await databases.CreateDbContextAsync(ct))
            {
                // The foreign key cascades too; deleting first does not depend on the provider enforcing it.
                await db.AccessTokens.Where(t => t.AccountId == account.Id).ExecuteDeleteAsync(ct);
            }

            return await users.DeleteAsync(account);
        });

    private async Task<IdentityResult> ChangeAsync(string accountId, Func<UserManager<WorkbenchAccount>, WorkbenchAccount, Task<IdentityResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var account = await users.FindByIdAsync(accountId);
        return account is null
            ? IdentityResult.Failed(new IdentityError { Code = "NoSuchAccount", Description = "That account no longer exists: reload the page." })
            : await change(users, account);
    }

    private static UserManager<WorkbenchAccount> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
}
