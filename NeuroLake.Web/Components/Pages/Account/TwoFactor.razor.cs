using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Web.Components.Pages.Account;

/// <summary>
/// Turns the authenticator (TOTP) second factor on, after the user proves their app has the key, or off. The key is shown
/// as text and as an <c>otpauth://</c> address; there is no QR image.
/// </summary>
public partial class TwoFactor
{
    private const string Issuer = "NeuroLake";
    private IReadOnlyList<string> _errors = [];
    private bool _enabled;
    private string? _key;
    private string? _uri;
    private WorkbenchAccount? _account;

    [Inject]
    private UserManager<WorkbenchAccount> Users { get; set; } = default!;

    [Inject]
    private SignInManager<WorkbenchAccount> SignIn { get; set; } = default!;

    [Inject]
    private IUserStore<WorkbenchAccount> Store { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "two-factor-on")]
    private CodeForm Input { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "two-factor-off")]
    private OffForm Off { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        Off ??= new();
        _account = await Users.GetUserAsync(HttpContext.User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _enabled = await Users.GetTwoFactorEnabledAsync(_account!);
        _key = null;
        if (_enabled)
        {
            return;
        }

        _key = await Users.GetAuthenticatorKeyAsync(_account!);
        if (string.IsNullOrEmpty(_key))
        {
            // A first key replaces nothing, so it must not change the security stamp: UserManager's reset does, which
            // signed the user out of every session, this one included, at the next check (within a minute) just for
            // opening the page.
            await ((IUserAuthenticatorKeyStore<WorkbenchAccount>)Store).SetAuthenticatorKeyAsync(_account!, Users.GenerateNewAuthenticatorKey(), CancellationToken.None);
            await Users.UpdateAsync(_account!);
            _key = await Users.GetAuthenticatorKeyAsync(_account!);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{_account!.UserName}");
        _uri = $"otpauth://totp/{label}?secret={_key}&issuer={Issuer}&digits=6";
    }

    private async Task TurnOnAsync()
    {
        var code = AuthenticatorCode.Normalize(Input.Code);
        if (!await Users.VerifyTwoFactorTokenAsync(_account!, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            _errors = ["That code is not the one the app shows now. Check that the app has this key and type the current code."];
            return;
        }

        await Users.SetTwoFactorEnabledAsync(_account!, true);
        // The change renews the security stamp, which ends the account's other sessions; this one is re-issued.
        await SignIn.RefreshSignInAsync(_account!);
        await LoadAsync();
    }

    private async Task TurnOffAsync()
    {
        await Users.SetTwoFactorEnabledAsync(_account!, false);
        // A new key next time, so an app that had the old one cannot be used to turn it back on unnoticed.
        await Users.ResetAuthenticatorKeyAsync(_account!);
        await SignIn.RefreshSignInAsync(_account!);
        await LoadAsync();
    }

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();

    private sealed class CodeForm
    {
        public string? Code { get; set; }
    }

    private sealed class OffForm;
}
