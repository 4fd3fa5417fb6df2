using System.Security.Claims;
using NeuroLake.Web.Api.Admin;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/me/tokens</c>: what Account → Tokens does for the caller — list their own tokens, create one (its secret
/// answered once), revoke one. Single mode has no accounts and so no tokens.
/// </summary>
public static class MyTokensEndpoints
{
    /// <summary>How long a token lives when the request does not say, as the Tokens page preselects.</summary>
    public const int DefaultDays = 30;

    public static IEndpointRouteBuilder MapMyTokensApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/me/tokens").WithTags("Tokens");
        mine.MapGet("/", (HttpContext http, AccessTokens tokens, TimeProvider time, CancellationToken ct) =>
                ForAccountAsync(http, async (id, name) => Results.Ok((await tokens.ListAsync(id, ct)).Select(t => TokenJson.From(t, name, time.GetUtcNow())).ToList())))
            .WithName("ListMyTokens")
            .WithSummary("The caller's personal access tokens, newest first, revoked and expired ones included. Never a secret.")
            .Produces<List<TokenJson>>();
        mine.MapPost("/", (NewTokenRequest body, HttpContext http, AccessTokens tokens, TimeProvider time, CancellationToken ct) =>
                ForAccountAsync(http, async (id, name) =>
                {
                    var days = body.ExpiresInDays ?? DefaultDays;
                    if (days is < 1 or > 366)
                    {
                        return Results.Problem(title: "Token not created", detail: $"A token lives 1 to 366 days, not {days}: give expiresInDays in that range.",
                            statusCode: StatusCodes.Status400BadRequest);
                    }

                    return await AdminApi.HandleAsync("Token not created", async () =>
                    {
                        var created = await tokens.CreateAsync(id, body.Name ?? "", time.GetUtcNow().AddDays(days), ct);
                        return Results.Created($"/api/v1/me/tokens/{created.Token.Id}", new CreatedTokenJson(TokenJson.From(created.Token, name, time.GetUtcNow()), created.Secret));
                    });
                }))
            .WithName("CreateMyToken")
            .WithSummary("Creates a personal access token for the caller; its secret is in this answer only.")
            .Produces<CreatedTokenJson>(StatusCodes.Status201Created);
        mine.MapDelete("/{id}", (string id, HttpContext http, AccessTokens tokens, CancellationToken ct) =>
                ForAccountAsync(http, async (account, _) => await tokens.RevokeAsync(account, id, ct)
                    ? Results.NoContent()
                    : Results.Problem(title: "Token not found", detail: "You have no token with this id: list yours with GET /api/v1/me/tokens.", statusCode: StatusCodes.Status404NotFound)))
            .WithName("RevokeMyToken")
            .WithSummary("Revokes one of the caller's tokens: scripts using it get 401 from now on.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<IResult> ForAccountAsync(HttpContext http, Func<string, string, Task<IResult>> action) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? action(id, http.User.Identity?.Name ?? "")
            : Task.FromResult(Results.Problem(title: "No account",
                detail: "NeuroLake runs in Single mode: there are no accounts, so no tokens. Set NeuroLake:Auth:Mode to Accounts to use them.",
                statusCode: StatusCodes.Status400BadRequest));
}
