using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Identity;

/// <summary>What deleting an account changes, said before it is done: its tokens go, what it holds passes to <paramref name="Heir"/> or is removed.</summary>
public sealed record AccountDeletionPreview(string UserName, int Tokens, UserHoldings Holdings, string Heir)
{
    /// <summary>The confirmation's words, naming the user and everything that changes.</summary>
    public string Question()
    {
        var passes = Holdings.Owned.Count + Holdings.Jobs == 0 ? "They own nothing and run no jobs."
            : $"What they own passes to you ({Heir}): {string.Join(", ", Holdings.Owned.Append(Holdings.Jobs > 0 ? $"{Holdings.Jobs} job(s) that ran as them" : "").Where(s => s.Length > 0))}.";
        var removed = Holdings.Grants + Holdings.Groups.Count == 0 ? ""
            : $" Their {Holdings.Grants} grant(s) and membership of {(Holdings.Groups.Count == 0 ? "no group" : string.Join(", ", Holdings.Groups))} are removed.";
        return $"Delete the account {UserName}? They can no longer sign in and their {Tokens} access token(s) are deleted, so scripts using them get 401. " +
               passes + removed + " This cannot be undone.";
    }
}
