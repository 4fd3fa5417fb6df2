namespace NeuroLake.Web.Identity;

/// <summary>One account's personal access token as administrators list it: never its secret nor the secret's hash.</summary>
public sealed record AccountToken(
    string Id,
    string AccountId,
    string UserName,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public AccessTokenState StateAt(DateTimeOffset now) => AccessTokenStates.Of(RevokedAt, ExpiresAt, now);
}
