using System.Net;
using System.Text;

namespace NeuroLake.Tests.Web.Identity;

public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_pages_redirect_to_sign_in_and_the_api_answers_401()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        using var page = await client.GetAsync("/sql");
        using var api = await client.PostAsync("/api/v1/sql", new StringContent("""{"sql":"SELECT 1"}""", Encoding.UTF8, "application/json"));
        using var uploads = await client.GetAsync("/api/v1/uploads");
        using var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/signin?ReturnUrl=%2Fsql", page.Target());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, uploads.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        using var signedIn = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword, "/account/signin?returnUrl=%2Fsql");
        using var sql = await client.GetAsync("/sql");
        var home = await client.GetStringAsync("/");
        using var signedOut = await client.SubmitAsync("/", new Dictionary<string, string>(), "/account/signout");
        using var after = await client.GetAsync("/sql");

        Assert.Equal("/sql", signedIn.Target());
        Assert.Equal(HttpStatusCode.OK, sql.StatusCode);
        Assert.Contains("Sign out", home);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Target());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Sign_in_never_returns_to_another_site(string returnUrl)
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        using var signedIn = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword, "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Target());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_place()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        using var refused = await client.SignInAsync(AccountsApp.AdminName, "Wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Wrong user name or password", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sql")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var _ = await client.SignInAsync(AccountsApp.AdminName, $"Wrong-password-{attempt}");
        }

        using var locked = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sql")).StatusCode);
    }
}
