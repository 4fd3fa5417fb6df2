using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>The Sign-in section of Admin → Settings: switching the mode, each way behind a confirmation that says what it does.</summary>
public partial class Settings
{
    private string? _modeError;
    private string? _modeNotice;
    private bool _switching;

    [Inject]
    private SignInModeSwitch ModeSwitch { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private async Task TurnSignInOffAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Turn sign-in off?", SignInModeSwitch.SingleUserWarning, yesText: "Turn sign-in off", cancelText: "Keep sign-in");
        if (confirmed == true && await SwitchAsync(AuthMode.Single))
        {
            _modeNotice = "Sign-in is off: single-user mode applies from the next request.";
        }
    }

    private async Task TurnSignInOnAsync()
    {
        (_modeError, _modeNotice) = (null, null);
        var administrators = await ModeSwitch.AdministratorsWhoCanSignInAsync(CancellationToken.None);
        if (administrators.Count == 0)
        {
            // The switch would refuse too; saying so before the question saves a pointless confirmation.
            _modeError = "Multi-user sign-in needs an enabled administrator account with a password, and there is none: " +
                         "create one first (Users: add a user, then add it to group admin on Groups), then switch.";
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Turn sign-in on?",
            $"From the next request everyone must sign in, you too: as {string.Join(" or ", administrators)} (administrators with a password). " +
            "Open pages of this workbench will ask for a sign-in.",
            yesText: "Turn sign-in on", cancelText: "Cancel");
        if (confirmed == true && await SwitchAsync(AuthMode.Accounts))
        {
            // This page's user was the single user: sign in now rather than meet refusals.
            Navigation.NavigateTo(Extensions.IdentityExtensions.SignInPath, forceLoad: true);
        }
    }

    private async Task<bool> SwitchAsync(AuthMode mode)
    {
        (_modeError, _modeNotice, _switching) = (null, null, true);
        try
        {
            await ModeSwitch.SwitchAsync(mode, openToEveryoneConfirmed: mode == AuthMode.Single, CancellationToken.None);
            return true;
        }
        catch (NeuroLakeException e)
        {
            _modeError = e.Message;
            return false;
        }
        finally
        {
            _switching = false;
        }
    }
}
