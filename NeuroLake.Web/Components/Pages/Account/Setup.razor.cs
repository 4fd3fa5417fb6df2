using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>The one-time page that creates the first administrator and signs them in; not found once any account exists
/// and in Single mode.</summary>
public partial class Setup
{
    private IReadOnlyList<string> _errors = [];
    private bool _needed;

    [Inject]
    private FirstAdministrator FirstAdministrator { get; set; } = default!;

    [Inject]
    private UserManager<WorkbenchAccount> Users { get; set; } = default!;

    [Inject]
    private SignInManager<WorkbenchAccount> SignIn { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private SignInMode Mode { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "setup")]
    private SetupForm Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new(); // empty on the first GET, bound from the form on a post
        if (Mode.IsSingle || !await FirstAdministrator.IsNeededAsync(CancellationToken.None))
        {
            Navigation.NotFound();
            return;
        }

        _needed = true;
    }

    private async Task CreateAsync()
    {
        if (Input.Password != Input.ConfirmPassword)
        {
            _errors = ["The two passwords differ: type the same password in both fields."];
            return;
        }

        var result = await FirstAdministrator.CreateAsync(Input.UserName ?? "", Input.Password ?? "", "setup page", CancellationToken.None);
        if (!result.Succeeded)
        {
            _errors = result.Errors.Select(e => e.Description).ToList();
            return;
        }

        var account = await Users.FindByNameAsync(Input.UserName!.Trim());
        await SignIn.SignInAsync(account!, isPersistent: false);
        Navigation.NavigateTo("/");
    }

    private sealed class SetupForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
