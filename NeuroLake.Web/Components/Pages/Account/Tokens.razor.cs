using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>The signed-in user's personal access tokens: create one (its secret shown once), see when each was used, revoke.</summary>
public partial class Tokens
{
    private static readonly int[] LifetimeChoices = [7, 30, 90, 366];
    private IReadOnlyList<AccessTokenRecord> _tokens = [];
    private string? _accountId;
    private string? _name;
    private int _days = 30;
    private CreatedAccessToken? _created;
    private string? _error;

    [Inject]
    private AccessTokens AccessTokens { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Accounts have an id claim; Single mode's one user has none.
        _accountId = (await Authentication).User.FindFirstValue(ClaimTypes.NameIdentifier);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_accountId is not null)
        {
            _tokens = await AccessTokens.ListAsync(_accountId, CancellationToken.None);
        }
    }

    private async Task CreateAsync()
    {
        _error = null;
        _created = null;
        try
        {
            _created = await AccessTokens.CreateAsync(_accountId!, _name ?? "", Time.GetUtcNow().AddDays(_days), CancellationToken.None);
            _name = null;
            await LoadAsync();
        }
        catch (AccessTokenException e)
        {
            _error = e.Message;
        }
    }

    private async Task RevokeAsync(AccessTokenRecord token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Revoke token",
            $"Revoke “{token.Name}”? Scripts using it get 401 from now on; this cannot be undone.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await AccessTokens.RevokeAsync(_accountId!, token.Id, CancellationToken.None);
        _created = null;
        await LoadAsync();
    }

    private string StateOf(AccessTokenRecord token) => AccessTokenStates.Of(token.RevokedAt, token.ExpiresAt, Time.GetUtcNow()).Text();
}
