using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Api.Tables;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Identity;

/// <summary>
/// The sign-in mode switched while the workbench runs (Admin → Settings, <c>PUT /api/v1/admin/settings/auth-mode</c>):
/// the next anonymous request is refused or admitted accordingly, only administrators may switch, turning sign-in off
/// needs a confirmation, turning it on needs an administrator who can sign in; every attempt is audited and the mode
/// survives a restart.
/// </summary>
public sealed class SignInModeSwitchTests
{
    private const string ModeApi = "/api/v1/admin/settings/auth-mode";

    [Fact]
    public Task Turning_sign_in_off_admits_anonymous_callers_and_turning_it_on_refuses_them_again() => SwitchBothWaysAsync(null);

    [PostgresFact]
    public Task Switching_both_ways_on_PostgreSQL() =>
        PostgresCatalogSettings.RunAsync("neurolake_authmode", SwitchBothWaysAsync);

    private static async Task SwitchBothWaysAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "", catalog);
        var admin = app.As(AccountsApp.AdminName);
        using var anonymous = app.Client();
        using var browser = app.App.Browser();
        await AssertRefusedAsync(anonymous, browser);

        var (unconfirmedStatus, unconfirmed) = await admin.PutApiAsync(ModeApi, new { mode = "Single" });
        await AssertRefusedAsync(anonymous, browser);
        var (offStatus, off) = await admin.PutApiAsync(ModeApi, new { mode = "single", confirmOpenToEveryone = true });
        using var homeWhileOff = await browser.GetAsync("/");
        using var apiWhileOff = await anonymous.GetAsync("/api/v1/sql/history");
        // Anyone may switch it back while sign-in is off: they are all the administrator.
        var (onStatus, _) = await anonymous.PutApiAsync(ModeApi, new { mode = "Accounts" });

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmedStatus);
        Assert.Contains("not confirmed", unconfirmed.Detail());
        Assert.Contains("anyone who can reach this workbench's port becomes an administrator", unconfirmed.Detail());
        Assert.Equal(HttpStatusCode.OK, offStatus);
        Assert.Equal("Single", off.GetProperty("current").GetProperty("authMode").GetString());
        Assert.Equal("Accounts", off.GetProperty("configured").GetProperty("authMode").GetString());
        Assert.Equal(HttpStatusCode.OK, homeWhileOff.StatusCode);
        Assert.Contains("Single-user mode — no sign-in", await homeWhileOff.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, apiWhileOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onStatus);
        await AssertRefusedAsync(anonymous, browser);
        var (adminAfter, _) = await admin.GetApiAsync("/api/v1/admin/settings");
        Assert.Equal(HttpStatusCode.OK, adminAfter);

        var audited = (await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "setting AuthMode" })).Entries
            .Reverse().Select(e => (e.User, e.Outcome, e.Details.Split('\n')[0])).ToList();
        var single = app.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NeuroLakeOptions>>().Value.User;
        Assert.Equal(
        [
            (AccountsApp.AdminName, AuditOutcome.Failed, "Sign-in mode: Accounts → Single"),
            (AccountsApp.AdminName, AuditOutcome.Succeeded, "Sign-in mode: Accounts → Single"),
            (single, AuditOutcome.Succeeded, "Sign-in mode: Single → Accounts"),
        ], audited);
    }

    [Fact]
    public async Task A_non_administrator_cannot_switch_by_token_page_or_service_and_nothing_changes()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        var (tokenStatus, _) = await app.As(TokenApiApp.Analyst).PutApiAsync(ModeApi, new { mode = "Single", confirmOpenToEveryone = true });
        var (patchStatus, _) = await app.As(TokenApiApp.Analyst).PatchApiAsync("/api/v1/admin/settings", new { authMode = "Single" });
        using var browser = app.App.Browser();
        using var signedIn = await browser.SignInAsync(TokenApiApp.Analyst, TokenApiApp.AnalystPassword);
        using var page = await browser.GetAsync("/admin/settings");
        await using var scope = app.App.Services.CreateAsyncScope();
        var switcher = new SignInModeSwitch(
            scope.ServiceProvider.GetRequiredService<SettingsStore>(), scope.ServiceProvider.GetRequiredService<AccountDirectory>(),
            scope.ServiceProvider.GetRequiredService<GroupDirectory>(), scope.ServiceProvider.GetRequiredService<PrivilegeEvaluator>(),
            scope.ServiceProvider.GetRequiredService<AuditLog>(), new NamedUser(TokenApiApp.Analyst));

        await Assert.ThrowsAsync<PermissionDeniedException>(() => switcher.SwitchAsync(AuthMode.Single, openToEveryoneConfirmed: true, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, tokenStatus);
        Assert.Equal(HttpStatusCode.Forbidden, patchStatus);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Target());
        Assert.Equal(AuthMode.Accounts, app.App.Services.GetRequiredService<SettingsStore>().Current.AuthMode);
        using var anonymous = app.Client();
        using var stillRefused = await anonymous.GetAsync("/api/v1/sql/history");
        Assert.Equal(HttpStatusCode.Unauthorized, stillRefused.StatusCode);
    }

    [Fact]
    public async Task Sign_in_is_not_turned_on_while_no_enabled_administrator_has_a_password()
    {
        await using var app = new WorkbenchAppFactory();
        using var anonymous = app.CreateClient();
        var services = app.Services;
        var accounts = services.GetRequiredService<AccountDirectory>();
        Assert.True((await accounts.CreateAsync("bea", "Disabled-admin-1", CancellationToken.None)).Succeeded);
        await services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync("bea");
        var bea = (await accounts.ListAsync(CancellationToken.None)).Single();
        await accounts.SetDisabledAsync(bea.Id, true, CancellationToken.None);

        var (disabledStatus, disabled) = await anonymous.PutApiAsync(ModeApi, new { mode = "Accounts" });
        var (badStatus, bad) = await anonymous.PutApiAsync(ModeApi, new { mode = "1" });
        var (patchStatus, patch) = await anonymous.PatchApiAsync("/api/v1/admin/settings", new { authMode = "Accounts" });
        await accounts.SetDisabledAsync(bea.Id, false, CancellationToken.None);
        var (enabledStatus, _) = await anonymous.PutApiAsync(ModeApi, new { mode = "Accounts" });

        Assert.Equal(HttpStatusCode.BadRequest, disabledStatus);
        Assert.Contains("no enabled administrator account with a password", disabled.Detail());
        Assert.Contains("Create one first", disabled.Detail());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("'1' is not a sign-in mode", bad.Detail());
        Assert.Equal(HttpStatusCode.BadRequest, patchStatus);
        Assert.Contains("PUT /api/v1/admin/settings/auth-mode", patch.Detail());
        Assert.Equal(HttpStatusCode.OK, enabledStatus);
        using var refused = await anonymous.GetAsync("/api/v1/sql/history");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_switched_mode_is_stored_in_the_catalog_and_read_back_at_the_next_start()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        var (status, _) = await app.As(AccountsApp.AdminName).PutApiAsync(ModeApi, new { mode = "Single", confirmOpenToEveryone = true });
        var running = app.App.Services.GetRequiredService<SettingsStore>();

        // What a restart does: a new store from configuration (Accounts), then the catalog's overrides.
        var restarted = new SettingsStore(
            app.App.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), TimeProvider.System, running.Configured, audit: null);
        await restarted.LoadAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(AuthMode.Accounts, restarted.Configured.AuthMode);
        Assert.Equal(AuthMode.Single, restarted.Current.AuthMode);
        Assert.Equal(AccountsApp.AdminName, restarted.Overrides[nameof(RuntimeSettings.AuthMode)].By);
    }

    private static async Task AssertRefusedAsync(HttpClient anonymous, HttpClient browser)
    {
        using var api = await anonymous.GetAsync("/api/v1/sql/history");
        using var page = await browser.GetAsync("/sql");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Target());
    }

    private sealed record NamedUser(string Name) : IWorkbenchUser;
}
