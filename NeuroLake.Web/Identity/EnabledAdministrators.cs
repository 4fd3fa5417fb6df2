using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Identity;

/// <summary>The accounts that can administer the workbench now: enabled, and members of the engine's group admin.</summary>
internal static class EnabledAdministrators
{
    public static async Task<IReadOnlyList<AccountSummary>> ListAsync(AccountDirectory accounts, GroupDirectory groups, CancellationToken ct)
    {
        var members = (await groups.ListGroupsAsync(ct)).FirstOrDefault(g => g.Name == RoleGroups.Admin)?.Members ?? [];
        return (await accounts.ListAsync(ct)).Where(a => !a.IsDisabled && members.Contains(a.UserName, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
