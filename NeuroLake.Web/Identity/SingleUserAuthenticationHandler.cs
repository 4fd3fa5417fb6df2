using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Identity;

/// <summary>Single mode: every request is <c>NeuroLake:User</c>, an administrator, without signing in.</summary>
internal sealed class SingleUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<NeuroLakeOptions> neuroLake)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SingleUser";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, neuroLake.Value.User), new Claim(ClaimTypes.Role, WorkbenchRoles.Admin)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
