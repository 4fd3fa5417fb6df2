using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Api.Admin;

/// <summary>A personal access token as it is listed: never its secret nor the secret's hash.</summary>
public sealed record TokenJson(
    string Id, string UserName, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, AccessTokenState State)
{
    public static TokenJson From(AccountToken t, DateTimeOffset now) => new(t.Id, t.UserName, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.StateAt(now));

    public static TokenJson From(AccessTokenRecord t, string userName, DateTimeOffset now) =>
        new(t.Id, userName, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, AccessTokenStates.Of(t.RevokedAt, t.ExpiresAt, now));
}

/// <summary>A token just created: its secret is shown this once (send it as <c>Authorization: Bearer &lt;secret&gt;</c>).</summary>
public sealed record CreatedTokenJson(TokenJson Token, string Secret);

/// <summary>A new token: a name saying what uses it, and how many days it lives (1 to 366, default 30).</summary>
public sealed record NewTokenRequest(string? Name, int? ExpiresInDays);
