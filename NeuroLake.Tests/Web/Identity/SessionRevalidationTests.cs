using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NeuroLake.Tests.Web.Identity;

/// <summary>A signed-in session is re-checked against its account every minute; an unchanged account must stay signed in.</summary>
public sealed class SessionRevalidationTests
{
    [Fact]
    public async Task A_session_stays_signed_in_when_its_account_is_re_checked()
    {
        await using var accounts = AccountsApp.Create(withAdmin: true);
        // Re-check on every request instead of once a minute.
        await using var app = accounts.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await browser.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            using var answer = await browser.GetAsync("/api/v1/me/tokens");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    [Fact]
    public async Task Opening_the_second_factor_page_does_not_end_the_session()
    {
        await using var accounts = AccountsApp.Create(withAdmin: true);
        await using var app = accounts.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await browser.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);

        var page = await browser.GetStringAsync("/account/two-factor");
        Assert.Contains("otpauth://totp/", page);
        Assert.Contains("otpauth://totp/", await browser.GetStringAsync("/account/two-factor"));

        using var answer = await browser.GetAsync("/api/v1/me/tokens");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
