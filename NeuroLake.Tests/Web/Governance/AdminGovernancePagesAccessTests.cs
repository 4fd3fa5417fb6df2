using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>The Groups and Grants pages over HTTP: administrators only.</summary>
public sealed class AdminGovernancePagesAccessTests
{
    [Theory]
    [InlineData("/admin/groups")]
    [InlineData("/admin/grants")]
    public async Task Only_administrators_open_the_page(string page)
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        await app.Services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(AccountsApp.AdminName);
        await app.Services.GetRequiredService<AccountDirectory>().CreateAsync("bob", "Initial-pass-1", CancellationToken.None);
        using var admin = app.Browser();
        using var bob = app.Browser();
        using var anonymous = app.Browser();
        await admin.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        await bob.SignInAsync("bob", "Initial-pass-1");

        using var asAdmin = await admin.GetAsync(page);
        using var asBob = await bob.GetAsync(page);
        using var asNobody = await anonymous.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asBob.StatusCode);
        Assert.StartsWith("/account/denied", asBob.Target());
        Assert.StartsWith("/account/signin", asNobody.Target());
    }
}
