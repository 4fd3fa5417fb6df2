namespace NeuroLake.Web.Identity;

/// <summary>One account as the Users page lists it.</summary>
public sealed record AccountSummary(string Id, string UserName, bool IsAdmin, bool IsDisabled, DateTimeOffset? LockedOutUntil, bool TwoFactorEnabled);
