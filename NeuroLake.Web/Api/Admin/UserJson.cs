using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api.Admin;

/// <summary>An account as Admin → Users lists it, with the groups it belongs to.</summary>
public sealed record UserJson(string UserName, bool IsAdmin, bool IsDisabled, DateTimeOffset? LockedOutUntil, bool TwoFactorEnabled, IReadOnlyList<string> Groups)
{
    public static UserJson From(AccountSummary a, IReadOnlyList<string> groups) => new(a.UserName, a.IsAdmin, a.IsDisabled, a.LockedOutUntil, a.TwoFactorEnabled, groups);
}

/// <summary>A new account: its name (letters, digits, <c>-._@</c>) and initial password (8 characters or more, the user changes it later).</summary>
public sealed record NewUserRequest(string? UserName, string? Password);

/// <summary>A new password for an account.</summary>
public sealed record PasswordRequest(string? Password);

/// <summary>
/// A deleted account: what passed to <c>TransferredTo</c> (the administrator who deleted it: securables by kind and
/// dotted name, and jobs that ran as it), and how many tokens, grants and group memberships went with it.
/// </summary>
public sealed record DeletedUserJson(
    string UserName, string TransferredTo, IReadOnlyList<string> Transferred, int JobsTransferred, int TokensDeleted, int GrantsRemoved, IReadOnlyList<string> GroupsLeft);
