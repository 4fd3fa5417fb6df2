using Microsoft.AspNetCore.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// What an administrator does to accounts from the Users page or the API, each change recorded by
/// <see cref="AdminAudit"/> on <c>account &lt;name&gt;</c> with the same words, refusals included.
/// </summary>
public sealed class AuditedAccounts(AccountDirectory directory, AdminAudit audit, IWorkbenchUser user)
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
}
