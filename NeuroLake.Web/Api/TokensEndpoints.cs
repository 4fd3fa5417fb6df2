using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/admin/tokens</c>: what Admin → Tokens does, for administrators — every account's tokens (never a secret),
/// filtered by user and state, and revoking any, audited as on the page through <see cref="AuditedTokens"/>.
/// </summary>
public static class TokensEndpoints
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var tokens = AdminApi.Group(app, "tokens");
        tokens.MapGet("/", (string? user, string? state, TokenAdministration administration, IWorkbenchUser caller, TimeProvider time, CancellationToken ct) =>
                AdminApi.HandleAsync("Invalid token request", async () =>
                {
                    var wanted = State(state);
                    var now = time.GetUtcNow();
                    var listed = await administration.ListAsync(caller.Name, ct);
                    return Results.Ok(listed
                        .Where(t => (string.IsNullOrEmpty(user) || string.Equals(t.UserName, user, StringComparison.OrdinalIgnoreCase)) && (wanted is null || t.StateAt(now) == wanted))
                        .Select(t => TokenJson.From(t, now)).ToList());
                }))
            .WithName("ListAllTokens")
            .WithSummary("Every account's personal access tokens (?user=&state=active|expired|revoked): by user, active first, newest first. Never a secret.")
            .Produces<List<TokenJson>>();
        tokens.MapPost("/{id}/revoke", (string id, TokenAdministration administration, AuditedTokens changes, IWorkbenchUser caller, CancellationToken ct) =>
                AdminApi.HandleAsync("Token not revoked", async () =>
                {
                    var token = (await administration.ListAsync(caller.Name, ct)).FirstOrDefault(t => t.Id == id);
                    if (token is null)
                    {
                        return Results.Problem(title: "Token not found", detail: "There is no token with this id: list them with GET /api/v1/admin/tokens.",
                            statusCode: StatusCodes.Status404NotFound);
                    }

                    return await changes.RevokeAsync(token, ct) is { } refused ? AdminApi.Refused(refused, "Token not revoked") : Results.NoContent();
                }))
            .WithName("RevokeAnyToken")
            .WithSummary("Revokes any account's token: scripts using it get 401 from now on; audited.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static AccessTokenState? State(string? state) =>
        string.IsNullOrWhiteSpace(state) ? null
        : Enum.TryParse<AccessTokenState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new FormatException($"'{state}' is not a token state: use active, expired or revoked.");
}
