using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Personal access tokens: a 256-bit random secret shown once, stored as its SHA-256 (a secret that random needs no
/// slow hash), valid until it expires or is revoked and while its account is enabled.
/// </summary>
public sealed class AccessTokens(IDbContextFactory<AccountsDbContext> databases, TimeProvider time)
{
    /// <summary>What every secret starts with, so a leaked one is recognisable in logs and scanners.</summary>
    public const string SecretPrefix = "nlpat_";

    /// <summary>The longest lifetime a token may be given.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>Creates a token for the account.</summary>
    /// <exception cref="AccessTokenException">The name is empty or too long, or the expiry is not in the next 366 days.</exception>
    public async Task<CreatedAccessToken> CreateAsync(string accountId, string name, DateTimeOffset expiresAt, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > AccessTokensModel.NameMaxLength)
        {
            throw new AccessTokenException($"Give the token a name of 1 to {AccessTokensModel.NameMaxLength} characters that says what uses it, e.g. \"nightly export\".");
        }

        var now = time.GetUtcNow();
        if (expiresAt <= now || expiresAt > now + MaxLifetime)
        {
            throw new AccessTokenException("Choose an expiry date after today and at most 366 days ahead.");
        }

        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new AccessTokenRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            AccountId = accountId,
            Name = name,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await using var db = await databases.CreateDbContextAsync(ct);
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(token, secret);
    }

    /// <summary>The account's tokens, newest first, revoked and expired ones included.</summary>
    public async Task<IReadOnlyList<AccessTokenRecord>> ListAsync(string accountId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>Revokes one of the account's tokens; false when the account has no such token.</summary>
    public async Task<bool> RevokeAsync(string accountId, string tokenId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The account a presented secret belongs to, recording its use; null when it is unknown, revoked, expired or its account is disabled.</summary>
    public async Task<WorkbenchAccount?> AuthenticateAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (token is null)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == token.AccountId, ct);
        if (account is null || account.IsDisabled)
        {
            return null;
        }

        token.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>Lower-case hex SHA-256 of the secret, as stored.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
