using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary><c>Authorization: Bearer &lt;personal access token&gt;</c>: the request is the token's user.</summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    IUserClaimsPrincipalFactory<WorkbenchAccount> principals,
    AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>Whether the request carries a bearer token (and so is this scheme's to answer).</summary>
    public static bool HasBearer(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) &&
        string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var account = await tokens.AuthenticateAsync(header.Parameter, Context.RequestAborted);
        var target = $"{Request.Method} {Request.Path}";
        if (account is null)
        {
            await audit.QueueAsync(new AuditEvent("unknown", AuditAction.TokenUse, target, AuditOutcome.Denied, "unknown, revoked or expired token, or a disabled account"));
            return AuthenticateResult.Fail("The bearer token is unknown, revoked or expired, or its account is disabled.");
        }

        await audit.QueueAsync(new AuditEvent(account.UserName ?? "", AuditAction.TokenUse, target, AuditOutcome.Succeeded));

        var principal = await principals.CreateAsync(account);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        ApiRefusal.Write(Context, StatusCodes.Status401Unauthorized);
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"Create a personal access token on the Tokens page and send it as Authorization: Bearer <token>.\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        ApiRefusal.Write(Context, StatusCodes.Status403Forbidden);
        return Task.CompletedTask;
    }
}
