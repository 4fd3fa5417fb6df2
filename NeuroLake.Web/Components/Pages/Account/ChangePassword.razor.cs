using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>Changes the signed-in user's password; the new security stamp signs out their other sessions.</summary>
public partial class ChangePassword
{
    private IReadOnlyList<string> _errors = [];
    private bool _changed;

    [Inject]
    private UserManager<WorkbenchAccount> Users { get; set; } = default!;

    [Inject]
    private SignInManager<WorkbenchAccount> SignIn { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "password")]
    private PasswordForm Input { get; set; } = default!;

    protected override void OnInitialized() => Input ??= new();

    private async Task ChangeAsync()
    {
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            _errors = ["The two new passwords differ: type the same new password in both fields."];
            return;
        }

        var account = await Users.GetUserAsync(HttpContext.User);
        if (account is null)
        {
            _errors = ["Your account no longer exists. Sign in again."];
            return;
        }

        var result = await Users.ChangePasswordAsync(account, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            _errors = result.Errors.Select(e => e.Description).ToList();
            return;
        }

        await SignIn.RefreshSignInAsync(account);
        _changed = true;
    }

    private sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
