using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>Identity's sign-in, refusing accounts an administrator disabled.</summary>
public sealed class WorkbenchSignInManager(
    UserManager<WorkbenchAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WorkbenchAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WorkbenchAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WorkbenchAccount> confirmation,
    AuditLog audit)
    : SignInManager<WorkbenchAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        await AuditAsync(userName, "password", result);
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await AuditAsync(user?.UserName ?? "unknown", "authenticator code", result);
        return result;
    }

    // A password accepted pending its second factor is not a sign-in yet; the code step records the outcome.
    private async Task AuditAsync(string userName, string method, SignInResult result)
    {
        if (result.RequiresTwoFactor)
        {
            return;
        }

        var from = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        var (outcome, why) = result switch
        {
            { Succeeded: true } => (AuditOutcome.Succeeded, ""),
            { IsLockedOut: true } => (AuditOutcome.Denied, "; the account is locked out"),
            { IsNotAllowed: true } => (AuditOutcome.Denied, "; the account may not sign in (disabled)"),
            _ => (AuditOutcome.Failed, "; wrong user name, password or code"),
        };
        await audit.RecordAsync(new AuditEvent(userName, result.Succeeded ? AuditAction.SignIn : AuditAction.SignInFailure, userName, outcome, $"{method} from {from}{why}"));
    }

    public override async Task<bool> CanSignInAsync(WorkbenchAccount user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
