using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Whether the install still needs its first administrator, and creating that one account (from the setup page or
/// <c>NeuroLake:Admin</c>). Once any account exists the answer never changes back, so it is remembered.
/// </summary>
public sealed class FirstAdministrator(IServiceScopeFactory scopes, GroupDirectory groups, AuditLog audit)
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _hasAccounts;

    public async Task<bool> IsNeededAsync(CancellationToken ct)
    {
        if (_hasAccounts)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        _hasAccounts = await db.Users.AnyAsync(ct);
        return !_hasAccounts;
    }

    /// <summary>
    /// Creates the administrator when there is no account yet. Fails (without creating anything) when an account
    /// exists already or the name or password does not meet the rules; the errors say which. A created administrator
    /// is audited as an admin change by that account, with <paramref name="via"/> (the setup page, the configuration).
    /// </summary>
    public async Task<IdentityResult> CreateAsync(string userName, string password, string via, CancellationToken ct)
    {
        await _creating.WaitAsync(ct);
        try
        {
            if (!await IsNeededAsync(ct))
            {
                return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = "The first administrator exists already: sign in instead." });
            }

            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(WorkbenchRoles.Admin))
            {
                var role = await roles.CreateAsync(new IdentityRole(WorkbenchRoles.Admin));
                if (!role.Succeeded)
                {
                    return role;
                }
            }

            var account = new WorkbenchAccount { UserName = userName?.Trim() };
            var created = await users.CreateAsync(account, password ?? "");
            if (!created.Succeeded)
            {
                return created;
            }

            var added = await users.AddToRoleAsync(account, WorkbenchRoles.Admin);
            if (added.Succeeded)
            {
                // Privileges follow the engine's groups: the first account becomes the first member of admin.
                await groups.AddFirstAdministratorAsync(account.UserName!, ct);
                await audit.RecordAsync(new AuditEvent(
                    account.UserName!, AuditAction.AdminChange, "account " + account.UserName, AuditOutcome.Succeeded, $"created the first administrator ({via})"), ct);
            }

            _hasAccounts = true;
            return added;
        }
        finally
        {
            _creating.Release();
        }
    }
}
