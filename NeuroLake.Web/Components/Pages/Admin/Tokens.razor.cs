using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Administrators see every account's personal access tokens (never a secret or its hash), filter them by user and
/// state, and revoke any after a confirmation; each revoke is audited as an admin change on <c>token &lt;name&gt; of &lt;user&gt;</c>.
/// </summary>
public partial class Tokens
{
    private IReadOnlyList<AccountToken> _tokens = [];
    private AccessTokenState? _stateFilter;
    private string? _error;
    private string? _notice;

    /// <summary>Shows only this user's tokens (the Users page links here with it). Default: everyone's.</summary>
    [SupplyParameterFromQuery(Name = "user")]
    public string? UserFilter { get; set; }

    [Inject]
    private TokenAdministration Administration { get; set; } = default!;

    [Inject]
    private AuditedTokens Changes { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private SignInMode Mode { get; set; } = default!;

    private bool SingleMode => Mode.IsSingle;

    // The filtered user stays a choice even with no tokens, so a link from the Users page says "No tokens match".
    private IEnumerable<string> UserChoices =>
        _tokens.Select(t => t.UserName).Append(UserFilter ?? "").Where(u => u.Length > 0).Distinct().Order(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<AccountToken> Shown =>
        _tokens.Where(t => (string.IsNullOrEmpty(UserFilter) || t.UserName == UserFilter) && (_stateFilter is null || StateOf(t) == _stateFilter));

    protected override async Task OnInitializedAsync()
    {
        if (!SingleMode)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _tokens = await Administration.ListAsync(User.Name, CancellationToken.None);
        }
        catch (PermissionDeniedException denied)
        {
            _error = denied.Message;
        }
    }

    private AccessTokenState StateOf(AccountToken token) => token.StateAt(Time.GetUtcNow());

    private async Task RevokeAsync(AccountToken token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke token",
            $"Revoke “{token.Name}” of {token.UserName}? Their scripts using it get 401 from now on; this cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _notice = null;
        _error = (await Changes.RevokeAsync(token, CancellationToken.None))?.Message;
        if (_error is null)
        {
            _notice = $"Revoked “{token.Name}” of {token.UserName}.";
            await LoadAsync();
        }
    }
}
