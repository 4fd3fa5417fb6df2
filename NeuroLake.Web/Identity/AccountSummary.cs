namespace NeuroLake.Web.Identity;

/// <summary>One account as the Users page lists it.</summary>
/// <param name="HasPassword">Whether it can sign in with a password (accounts made by setup or an administrator can).</param>
public sealed record AccountSummary(
    string Id, string UserName, bool IsAdmin, bool IsDisabled, DateTimeOffset? LockedOutUntil, bool TwoFactorEnabled, bool HasPassword);
