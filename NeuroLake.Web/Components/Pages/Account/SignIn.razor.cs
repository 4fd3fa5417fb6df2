using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>Password sign-in; failures count towards the lockout, and a second factor continues on <see cref="SignInCode"/>.</summary>
public partial class SignIn
{
    private IReadOnlyList<string> _errors = [];

    [Inject]
    private SignInManager<WorkbenchAccount> SignInManager { get; set; } = default!;

    [Inject]
    private FirstAdministrator FirstAdministrator { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private SignInMode Mode { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInForm Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new(); // empty on the first GET, bound from the form on a post
        if (Mode.IsSingle)
        {
            Navigation.NavigateTo("/"); // nobody signs in
        }
        else if (await FirstAdministrator.IsNeededAsync(CancellationToken.None))
        {
            Navigation.NavigateTo("/setup");
        }
    }

    private async Task SignInAsync()
    {
        var result = await SignInManager.PasswordSignInAsync(Input.UserName ?? "", Input.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalReturnUrl.Sanitize(ReturnUrl));
        }
        else if (result.RequiresTwoFactor)
        {
            Navigation.NavigateTo($"/account/signin/code?returnUrl={Uri.EscapeDataString(LocalReturnUrl.Sanitize(ReturnUrl))}");
        }
        else
        {
            _errors = [SignInMessages.For(result)];
        }
    }

    private sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
