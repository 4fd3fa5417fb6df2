using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Tests.Web.Identity;

public sealed class FirstAdministratorSetupTests
{
    [Fact]
    public async Task Every_page_sends_a_fresh_install_to_setup_and_the_api_answers_401()
    {
        await using var app = AccountsApp.Create(withAdmin: false);
        using var client = app.Browser();

        using var home = await client.GetAsync("/");
        using var catalog = await client.GetAsync("/catalog");
        using var api = await client.PostAsync("/api/v1/sql", new StringContent("""{"sql":"SELECT 1"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Target());
        Assert.Equal("/setup", catalog.Target());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Setup_creates_a_signed_in_administrator_and_then_is_gone()
    {
        await using var app = AccountsApp.Create(withAdmin: false);
        using var client = app.Browser();
        var setupPage = await client.GetStringAsync("/setup");

        using var created = await client.SubmitAsync("/setup", new Dictionary<string, string>
        {
            ["Input.UserName"] = "grace",
            ["Input.Password"] = "Hopper-1906!",
            ["Input.ConfirmPassword"] = "Hopper-1906!",
        });
        using var home = await client.GetAsync("/");
        var homeText = await home.Content.ReadAsStringAsync();
        using var setupAgain = await client.GetAsync("/setup");
        using var anonymousSetup = await app.Browser().GetAsync("/setup");

        Assert.Contains("name=\"Input.UserName\"", setupPage);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("grace", homeText);
        Assert.Equal(HttpStatusCode.NotFound, setupAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymousSetup.StatusCode);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        var grace = await users.FindByNameAsync("grace");
        Assert.NotNull(grace);
        Assert.True(await users.IsInRoleAsync(grace, WorkbenchRoles.Admin));
        Assert.Single(users.Users.ToList());
        var audited = (await app.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.AdminChange })).Entries;
        Assert.Contains(audited, e => (e.User, e.Target, e.Outcome, e.Details) == ("grace", "account grace", AuditOutcome.Succeeded, "created the first administrator (setup page)"));
    }

    [Fact]
    public async Task Setup_refuses_a_weak_password_and_says_why()
    {
        await using var app = AccountsApp.Create(withAdmin: false);
        using var client = app.Browser();

        using var refused = await client.SubmitAsync("/setup", new Dictionary<string, string>
        {
            ["Input.UserName"] = "grace",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        var text = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 8 characters", text);
        Assert.Equal("/setup", (await client.GetAsync("/")).Target());
    }

    [Fact]
    public async Task A_second_setup_post_after_the_first_creates_no_second_administrator()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var firstAdministrator = app.Services.GetRequiredService<FirstAdministrator>();

        var result = await firstAdministrator.CreateAsync("mallory", "Mallory-1234!", "test", CancellationToken.None);

        Assert.False(result.Succeeded);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        Assert.Null(await users.FindByNameAsync("mallory"));
    }

    [Fact]
    public async Task Admin_settings_create_the_first_administrator_at_start()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var client = app.Browser();

        using var setup = await client.GetAsync("/setup");
        using var signedIn = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
