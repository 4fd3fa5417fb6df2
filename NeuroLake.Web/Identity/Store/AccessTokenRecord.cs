namespace NeuroLake.Web.Identity.Store;

/// <summary>A personal access token as stored: only the SHA-256 of its secret, never the secret itself.</summary>
public sealed class AccessTokenRecord
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret the user was shown once.</summary>
    public required string SecretHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
