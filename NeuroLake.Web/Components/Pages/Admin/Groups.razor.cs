using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Administrators manage groups: create and delete them (not the workbench roles) and add or remove members. Every
/// change goes through the engine's <see cref="GroupDirectory"/> as the signed-in administrator, which checks again.
/// </summary>
public partial class Groups
{
    private readonly Dictionary<string, string> _drafts = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<GroupInfo> _groups = [];
    private IReadOnlyList<string> _accounts = [];
    private string? _newName;
    private string? _newDescription;
    private string? _error;
    private string? _notice;

    [Inject]
    private GroupDirectory Directory { get; set; } = default!;

    [Inject]
    private AccountDirectory Accounts { get; set; } = default!;

    [Inject]
    private AuditedGroups Changes { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _accounts = (await Accounts.ListAsync(CancellationToken.None)).Select(a => a.UserName).ToList();
        await LoadAsync();
    }

    private async Task LoadAsync() => _groups = await Directory.ListGroupsAsync();

    private string MemberDraft(GroupInfo group) => _drafts.GetValueOrDefault(group.Name, string.Empty);

    private Task CreateAsync()
    {
        var name = _newName?.Trim() ?? string.Empty;
        var description = _newDescription?.Trim() ?? string.Empty;
        return ApplyAsync(Changes.CreateAsync(name, description), $"Created group {name}.", () =>
        {
            _newName = null;
            _newDescription = null;
        });
    }

    private Task DeleteAsync(GroupInfo group) =>
        ApplyAsync(Changes.DeleteAsync(group.Name), $"Deleted group {group.Name} with its grants.");

    private Task AddMemberAsync(GroupInfo group)
    {
        var user = MemberDraft(group).Trim();
        return ApplyAsync(Changes.AddMemberAsync(group.Name, user), $"Added {user} to {group.Name}.", () => _drafts.Remove(group.Name));
    }

    private Task RemoveMemberAsync(GroupInfo group, string user) =>
        ApplyAsync(Changes.RemoveMemberAsync(group.Name, user), $"Removed {user} from {group.Name}.");

    /// <summary>A change (already audited by <see cref="AuditedGroups"/>); on success the list is reloaded.</summary>
    private async Task ApplyAsync(Task<Exception?> change, string done, Action? onSuccess = null)
    {
        _notice = null;
        _error = (await change)?.Message;
        if (_error is not null)
        {
            return;
        }

        _notice = done;
        onSuccess?.Invoke();
        await LoadAsync();
    }
}
