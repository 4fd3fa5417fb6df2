using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Ends the single user's identity in open pages once sign-in is turned on: a circuit keeps the principal it started
/// with, so without this a page opened anonymously in Single mode would go on acting as <c>NeuroLake:User</c> (who owns
/// what was made in that mode). The page then asks for a sign-in like any other.
/// </summary>
internal sealed class SignInModeRevalidation(ILoggerFactory logger, SignInMode mode) : RevalidatingServerAuthenticationStateProvider(logger)
{
    // No database is asked, so a short interval costs nothing and closes the gap soon after a switch.
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(IsValid(authenticationState.User, mode.IsSingle));

    /// <summary>Whether <paramref name="user"/> may go on as they are: single-user identities only while Single mode lasts.</summary>
    internal static bool IsValid(ClaimsPrincipal user, bool singleMode) =>
        singleMode || user.Identity?.AuthenticationType != SingleUserAuthenticationHandler.SchemeName;
}
