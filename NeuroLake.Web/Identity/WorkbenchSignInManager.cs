using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
    IUserConfirmation<WorkbenchAccount> confirmation)
    : SignInManager<WorkbenchAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(WorkbenchAccount user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
