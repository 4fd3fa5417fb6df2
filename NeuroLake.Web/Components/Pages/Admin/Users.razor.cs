using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Administrators manage accounts: add with an initial password (the invitation: they hand it over), see each account's
/// roles and groups, disable or enable, reset a password, unlock, delete (after a confirmation naming what changes).
/// </summary>
public partial class Users
{
    private IReadOnlyList<AccountSummary> _accounts = [];
    private ILookup<string, string> _groups = Enumerable.Empty<string>().ToLookup(g => g);
    private string? _selfId;
    private string? _selfName;
    private string? _newName;
    private string? _newPassword;
    private AccountSummary? _resetting;
    private string? _resetPassword;
    private string? _error;
    private string? _notice;

    [Inject]
    private AccountDirectory Directory { get; set; } = default!;

    [Inject]
    private AuditedAccounts Changes { get; set; } = default!;

    [Inject]
    private GroupDirectory Groups { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // An administrator may not disable themselves: the workbench could be left with nobody to turn them back on.
        var self = (await Authentication).User;
        (_selfId, _selfName) = (self.FindFirstValue(ClaimTypes.NameIdentifier), self.Identity?.Name);
        await LoadAsync();
    }

    private bool IsSelf(AccountSummary account) =>
        account.Id == _selfId || string.Equals(account.UserName, _selfName, StringComparison.OrdinalIgnoreCase);

    private static string TokensHref(AccountSummary account) => "admin/tokens?user=" + Uri.EscapeDataString(account.UserName);

    private async Task LoadAsync()
    {
        _accounts = await Directory.ListAsync(CancellationToken.None);
        // Roles are groups in the engine (admin, engineer, analyst, viewer), listed with any other group.
        _groups = (await Groups.ListGroupsAsync(CancellationToken.None))
            .SelectMany(g => g.Members.Select(m => (Member: m, Group: g.Name)))
            .ToLookup(m => m.Member, m => m.Group, StringComparer.OrdinalIgnoreCase);
    }

    private IReadOnlyList<string> GroupsOf(AccountSummary account) => _groups[account.UserName].ToList();

    private async Task DeleteAsync(AccountSummary account)
    {
        var preview = await Changes.PreviewDeletionAsync(account, CancellationToken.None);
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete account", preview.Question(), yesText: $"Delete {account.UserName}", cancelText: "Cancel");
        if (confirmed == true)
        {
            await ApplyAsync(Changes.DeleteAsync(account, CancellationToken.None), $"Deleted {account.UserName}; what they owned is now yours.");
        }
    }

    private Task CreateAsync()
    {
        var name = _newName?.Trim() ?? "";
        return ApplyAsync(Changes.CreateAsync(name, _newPassword, CancellationToken.None), $"Added {name}.", () =>
        {
            _newName = null;
            _newPassword = null;
        });
    }

    private Task SetDisabledAsync(AccountSummary account, bool disabled) =>
        ApplyAsync(
            Changes.SetDisabledAsync(account, disabled, CancellationToken.None),
            disabled ? $"Disabled {account.UserName}: signed out and tokens stopped." : $"Enabled {account.UserName}.");

    private void StartReset(AccountSummary account)
    {
        _resetting = account;
        _resetPassword = null;
    }

    private Task ResetPasswordAsync() =>
        ApplyAsync(
            Changes.ResetPasswordAsync(_resetting!, _resetPassword, CancellationToken.None),
            $"Set a new password for {_resetting!.UserName}.",
            () => _resetting = null);

    private Task UnlockAsync(AccountSummary account) =>
        ApplyAsync(Changes.UnlockAsync(account, CancellationToken.None), $"Unlocked {account.UserName}.");

    private async Task ApplyAsync(Task<IdentityResult> change, string done, Action? onSuccess = null)
    {
        _error = null;
        _notice = null;
        var result = await change;
        if (!result.Succeeded)
        {
            _error = string.Join(" ", result.Errors.Select(e => e.Description));
            return;
        }

        _notice = done;
        onSuccess?.Invoke();
        await LoadAsync();
    }
}
