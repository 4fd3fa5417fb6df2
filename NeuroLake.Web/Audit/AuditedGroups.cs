using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// Group changes from the Groups page or the API, through the engine's <see cref="GroupDirectory"/> as the acting
/// user (which checks again) and audited as an admin change on <c>group &lt;name&gt;</c> whether or not it went through.
/// Each answers null when the change went through, else the refusal.
/// </summary>
public sealed class AuditedGroups(GroupDirectory directory, AdminAudit audit, IWorkbenchUser user)
{
    public Task<Exception?> CreateAsync(string? name, string? description)
    {
        var group = name?.Trim() ?? "";
        var about = description?.Trim() ?? "";
        return audit.AttemptAsync(AuditAction.AdminChange, "group " + group, about.Length == 0 ? "created the group" : $"created the group: {about}",
            () => directory.CreateGroupAsync(user.Name, group, about));
    }

    public Task<Exception?> DeleteAsync(string group) =>
        audit.AttemptAsync(AuditAction.AdminChange, "group " + group, "deleted the group with its grants", () => directory.DeleteGroupAsync(user.Name, group));

    public Task<Exception?> AddMemberAsync(string group, string member) =>
        audit.AttemptAsync(AuditAction.AdminChange, "group " + group, $"added member {member}", () => directory.AddMemberAsync(user.Name, group, member));

    public Task<Exception?> RemoveMemberAsync(string group, string member) =>
        audit.AttemptAsync(AuditAction.AdminChange, "group " + group, $"removed member {member}", () => directory.RemoveMemberAsync(user.Name, group, member));
}
