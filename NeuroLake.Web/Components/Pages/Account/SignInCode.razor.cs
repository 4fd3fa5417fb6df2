using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>The second step of signing in for accounts with an authenticator (TOTP); wrong codes count towards the lockout.</summary>
public partial class SignInCode
{
    private IReadOnlyList<string> _errors = [];

    [Inject]
    private SignInManager<WorkbenchAccount> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromForm(FormName = "signin-code")]
    private CodeForm Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new(); // empty on the first GET, bound from the form on a post
        if (await SignInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            Navigation.NavigateTo(Extensions.IdentityExtensions.SignInPath);
        }
    }

    private async Task VerifyAsync()
    {
        var code = AuthenticatorCode.Normalize(Input.Code);
        var result = await SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalReturnUrl.Sanitize(ReturnUrl));
        }
        else
        {
            _errors = [SignInMessages.For(result)];
        }
    }

    private sealed class CodeForm
    {
        public string? Code { get; set; }
    }
}
