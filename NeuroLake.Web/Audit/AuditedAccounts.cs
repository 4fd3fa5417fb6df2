using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// What an administrator does to accounts from the Users page or the API, each change recorded by
/// <see cref="AdminAudit"/> on <c>account &lt;name&gt;</c> with the same words, refusals included.
/// </summary>
public sealed class AuditedAccounts(
    AccountDirectory directory, AdminAudit audit, IWorkbenchUser user, UserRemoval removal, GroupDirectory groups, AccessTokens tokens)
{
    public Task<IdentityResult> CreateAsync(string? userName, string? password, CancellationToken ct)
    {
        var name = userName?.Trim() ?? "";
        return audit.AccountAsync(name, "created the account", directory.CreateAsync(name, password ?? "", ct));
    }

    /// <summary>Disables (ending sessions and stopping tokens) or enables; an administrator may not disable themselves.</summary>
    public Task<IdentityResult> SetDisabledAsync(AccountSummary account, bool disabled, CancellationToken ct)
    {
        if (disabled && string.Equals(account.UserName, user.Name, StringComparison.OrdinalIgnoreCase))
        {
            // The workbench could be left with nobody to turn them back on.
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "DisableSelf",
                Description = "You may not disable your own account: ask another administrator to do it.",
            }));
        }

        return audit.AccountAsync(account.UserName, disabled ? "disabled the account (sessions ended, tokens stopped)" : "enabled the account",
            directory.SetDisabledAsync(account.Id, disabled, ct));
    }

    public Task<IdentityResult> ResetPasswordAsync(AccountSummary account, string? newPassword, CancellationToken ct) =>
        audit.AccountAsync(account.UserName, "reset the password", directory.ResetPasswordAsync(account.Id, newPassword ?? "", ct));

    public Task<IdentityResult> UnlockAsync(AccountSummary account, CancellationToken ct) =>
        audit.AccountAsync(account.UserName, "unlocked the account", directory.UnlockAsync(account.Id, ct));

    /// <summary>What <see cref="DeleteAsync"/> would change, for the confirmation.</summary>
    public async Task<AccountDeletionPreview> PreviewDeletionAsync(AccountSummary account, CancellationToken ct) => new(
        account.UserName, (await tokens.ListAsync(account.Id, ct)).Count, await removal.HoldingsAsync(account.UserName, ct), user.Name);

    /// <summary>
    /// Deletes an account and its tokens. What it owns (catalogs, schemas, tables, jobs) passes to the administrator
    /// deleting it, its grants and memberships are removed (<see cref="UserRemoval"/>), so a later account of the same
    /// name inherits nothing. Refused for one's own account and for the last enabled administrator.
    /// </summary>
    public async Task<IdentityResult> DeleteAsync(AccountSummary account, CancellationToken ct)
    {
        var held = await removal.HoldingsAsync(account.UserName, ct);
        return await audit.AccountAsync(
            account.UserName, $"deleted the account and its tokens; it {held}; what it owned passes to {user.Name}", DeleteCoreAsync(account, ct));
    }

    private async Task<IdentityResult> DeleteCoreAsync(AccountSummary account, CancellationToken ct)
    {
        if (string.Equals(account.UserName, user.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal("DeleteSelf", "You may not delete your own account: ask another administrator to do it.");
        }

        var enabledAdmins = await EnabledAdministrators.ListAsync(directory, groups, ct);
        if (enabledAdmins.Count == 1 && string.Equals(enabledAdmins[0].UserName, account.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal("DeleteLastAdministrator",
                $"{account.UserName} is the last enabled administrator: make another account an administrator (group admin) first, so someone can still administer the workbench.");
        }

        try
        {
            // The catalog first: if it refuses, the account is still there to try again; an account deleted first could leave grants behind.
            await removal.RemoveAsync(user.Name, account.UserName, ct);
        }
        catch (NeuroLakeException refused)
        {
            return Refusal("DeleteRefused", refused.Message);
        }

        return await directory.DeleteAsync(account.Id, ct);
    }

    private static IdentityResult Refusal(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
