using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Identity;

public sealed class UserAdministrationTests
{
    private const string Password = "Initial-pass-1";

    [Fact]
    public async Task Only_administrators_open_the_users_page()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        await Directory(app).CreateAsync("bob", Password, CancellationToken.None);
        using var admin = app.Browser();
        using var bob = app.Browser();
        using var anonymous = app.Browser();
        await admin.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        await bob.SignInAsync("bob", Password);

        using var asAdmin = await admin.GetAsync("/admin/users");
        using var asBob = await bob.GetAsync("/admin/users");
        using var asNobody = await anonymous.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("bob", await asAdmin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, asBob.StatusCode);
        Assert.StartsWith("/account/denied", asBob.Target());
        Assert.StartsWith("/account/signin", asNobody.Target());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_an_enabled_one_can_again()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var directory = Directory(app);
        await directory.CreateAsync("carol", Password, CancellationToken.None);
        var carol = (await directory.ListAsync(CancellationToken.None)).Single(a => a.UserName == "carol");

        await directory.SetDisabledAsync(carol.Id, disabled: true, CancellationToken.None);
        using var refused = await app.Browser().SignInAsync("carol", Password);
        await directory.SetDisabledAsync(carol.Id, disabled: false, CancellationToken.None);
        using var admitted = await app.Browser().SignInAsync("carol", Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(SignInMessages.NotAllowed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
    }

    [Fact]
    public async Task Unlocking_ends_a_lockout_and_a_reset_password_replaces_the_old_one()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var directory = Directory(app);
        await directory.CreateAsync("dan", Password, CancellationToken.None);
        using var client = app.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var _ = await client.SignInAsync("dan", "Wrong-pass-" + attempt);
        }

        var dan = (await directory.ListAsync(CancellationToken.None)).Single(a => a.UserName == "dan");
        Assert.NotNull(dan.LockedOutUntil);
        await directory.UnlockAsync(dan.Id, CancellationToken.None);
        await directory.ResetPasswordAsync(dan.Id, "Replaced-pass-2", CancellationToken.None);
        using var oldPassword = await client.SignInAsync("dan", Password);
        using var newPassword = await client.SignInAsync("dan", "Replaced-pass-2");

        Assert.Null((await directory.ListAsync(CancellationToken.None)).Single(a => a.UserName == "dan").LockedOutUntil);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task A_new_user_needs_a_valid_name_and_password()
    {
        await using var app = AccountsApp.Create(withAdmin: true);

        var badName = await Directory(app).CreateAsync("<img src=x>", Password, CancellationToken.None);
        var duplicate = await Directory(app).CreateAsync(AccountsApp.AdminName, Password, CancellationToken.None);

        Assert.False(badName.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Contains(duplicate.Errors, e => e.Description.Contains("already taken", StringComparison.Ordinal));
    }

    private static AccountDirectory Directory(WorkbenchAppFactory app) => app.Services.GetRequiredService<AccountDirectory>();
}
