using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Governance;

/// <summary>The user lacks a privilege the action needs; the message names the privilege and whom to ask.</summary>
public sealed class PermissionDeniedException : NeuroLakeException
{
    public PermissionDeniedException(string message) : base(message)
    {
    }

    /// <summary>The privilege that was missing, or null when the action needs ownership or administration.</summary>
    public Privilege? Missing { get; private init; }

    internal static PermissionDeniedException Lacking(Privilege privilege, Securable securable) => new(
        $"permission denied: {PrivilegeNames.Sql(privilege)} on {securable}; ask its owner or an administrator to GRANT {PrivilegeNames.Sql(privilege)}.")
    {
        Missing = privilege,
    };

    internal static PermissionDeniedException NotOwner(string action, Securable securable) => new(
        $"permission denied: {action} {securable} needs OWNERSHIP; ask its owner or an administrator to do it or to transfer ownership (ALTER ... OWNER TO).");

    internal static PermissionDeniedException Governed(string statement, Securable securable) => new(
        $"permission denied: {statement} on {securable}, whose PII columns are masked or rows filtered for you, would read the stored values; " +
        "ask its owner or an administrator to GRANT UNMASK, or to make the change.")
    {
        Missing = Privilege.Unmask,
    };

    internal static PermissionDeniedException NotAdmin(string action) => new(
        $"permission denied: {action} is for administrators (members of group '{RoleGroups.Admin}'); ask one to do it.");
}
