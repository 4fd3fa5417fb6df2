namespace NeuroLake.Web.Identity;

/// <summary>Whether a personal access token still opens the API, and if not, why.</summary>
public enum AccessTokenState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>The one rule both token pages show: revoked wins over expired, since revoking is what someone chose.</summary>
public static class AccessTokenStates
{
    public static AccessTokenState Of(DateTimeOffset? revokedAt, DateTimeOffset expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? AccessTokenState.Revoked : expiresAt <= now ? AccessTokenState.Expired : AccessTokenState.Active;

    /// <summary>The state as the pages write it: <c>active</c>, <c>expired</c> or <c>revoked</c>.</summary>
    public static string Text(this AccessTokenState state) => state.ToString().ToLowerInvariant();
}
