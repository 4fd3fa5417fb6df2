using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Admin;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>/admin/tokens rendered by bUnit over the Accounts-mode app's real accounts and tokens, as its administrator.</summary>
public sealed class TokensPageTests : MudComponentTest, IClassFixture<GovernanceAdminApp>
{
    private const string Markup = "<img src=x onerror=alert(1)>";
    private readonly GovernanceAdminApp _app;

    public TokensPageTests(GovernanceAdminApp app)
    {
        _app = app;
        app.AddTo(Context);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Lists_every_accounts_tokens_without_their_secrets_and_filters_by_user_and_state()
    {
        var (amy, nightly) = await TokenAsync("amy", "nightly export");
        var (ben, report) = await TokenAsync("ben", "weekly report");
        var old = await _app.Tokens.CreateAsync(report.Token.AccountId, "old report", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await _app.Tokens.RevokeAsync(old.Token.AccountId, old.Token.Id, CancellationToken.None);
        var providers = RenderProviders();
        var page = Render<Tokens>();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, ben, "old report")), AdminPageQueries.Patience);
        Assert.Contains("active", Row(page, amy, "nightly export")!.TextContent);
        Assert.Contains("never", Row(page, amy, "nightly export")!.TextContent);
        Assert.Contains("revoked", Row(page, ben, "old report")!.TextContent);
        Assert.Empty(page.FindAll($"button[aria-label='Revoke old report of {ben}']"));
        foreach (var secret in new[] { nightly, report, old })
        {
            Assert.DoesNotContain(secret.Secret[AccessTokens.SecretPrefix.Length..], page.Markup);
            Assert.DoesNotContain(secret.Token.SecretHash, page.Markup);
        }

        Pick(page, providers, "User", ben);
        page.WaitForAssertion(() => Assert.Null(Row(page, amy, "nightly export")), AdminPageQueries.Patience);
        Assert.NotNull(Row(page, ben, "weekly report"));
        Pick(page, providers, "State", "revoked");
        page.WaitForAssertion(() => Assert.Null(Row(page, ben, "weekly report")), AdminPageQueries.Patience);
        Assert.NotNull(Row(page, ben, "old report"));
    }

    [Fact]
    public async Task The_users_page_link_opens_the_list_filtered_to_that_user()
    {
        var (amy, _) = await TokenAsync("amy", "amy's script");
        var (ben, _) = await TokenAsync("ben", "ben's script");

        var users = Render<Users>();
        users.WaitForAssertion(() => Assert.NotEmpty(users.FindAll($"a[aria-label='Tokens of {amy}']")), AdminPageQueries.Patience);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(users.Find($"a[aria-label='Tokens of {amy}']").GetAttribute("href")!);

        var page = Render<Tokens>();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, amy, "amy's script")), AdminPageQueries.Patience);
        Assert.Null(Row(page, ben, "ben's script"));
    }

    [Fact]
    public async Task Revoking_after_confirmation_stops_the_token_on_the_api_and_is_audited()
    {
        var (user, token) = await TokenAsync("cleo", "deploy");
        using (var before = await AccessTokenTests.SqlAsync(_app.App, token.Secret, "SELECT 1"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var providers = RenderProviders();
        var page = Render<Tokens>();
        page.WaitForAssertion(() => page.Button($"Revoke deploy of {user}").Click(), AdminPageQueries.Patience);
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);
        Assert.Contains($"Revoke “deploy” of {user}?", question.TextContent);
        question.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Contains($"Revoked “deploy” of {user}.", page.Alert("status")), AdminPageQueries.Patience);
        Assert.Contains("revoked", Row(page, user, "deploy")!.TextContent);
        using (var after = await AccessTokenTests.SqlAsync(_app.App, token.Secret, "SELECT 1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        var audited = Assert.Single(await _app.AuditedAsync($"token deploy of {user}"));
        Assert.Equal((AccountsApp.AdminName, AuditAction.AdminChange, $"token deploy of {user}", AuditOutcome.Succeeded, "revoked the token"),
            (audited.User, audited.Action, audited.Target, audited.Outcome, audited.Details));
    }

    [Fact]
    public async Task Cancelling_the_confirmation_keeps_the_token()
    {
        var (user, token) = await TokenAsync("dana", "backup");
        var providers = RenderProviders();
        var page = Render<Tokens>();

        page.WaitForAssertion(() => page.Button($"Revoke backup of {user}").Click(), AdminPageQueries.Patience);
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);
        question.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")), AdminPageQueries.Patience);

        Assert.Contains("active", Row(page, user, "backup")!.TextContent);
        Assert.Null((await _app.Tokens.ListAsync(token.Token.AccountId, CancellationToken.None)).Single().RevokedAt);
        Assert.Empty(await _app.AuditedAsync($"token backup of {user}"));
    }

    [Fact]
    public async Task A_user_no_longer_administrator_is_refused_and_audited_as_denied()
    {
        var (user, token) = await TokenAsync("eve", "etl");
        var former = CatalogTestData.Unique("former_admin");
        await _app.Accounts.CreateAsync(former, "Former-admin-1", CancellationToken.None);
        await _app.Groups.AddMemberAsync(AccountsApp.AdminName, RoleGroups.Admin, former);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        _app.AddTo(context, former);
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var providers = context.Render<MudProviders>();
        var page = context.Render<Tokens>();
        page.WaitForAssertion(() => Assert.NotNull(Row(page, user, "etl")), AdminPageQueries.Patience);

        // The page was opened while an administrator; the revoke is checked again when it happens.
        await _app.Groups.RemoveMemberAsync(AccountsApp.AdminName, RoleGroups.Admin, former);
        page.Button($"Revoke etl of {user}").Click();
        providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience).QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Contains("permission denied", page.Alert("alert")), AdminPageQueries.Patience);
        Assert.Null((await _app.Tokens.ListAsync(token.Token.AccountId, CancellationToken.None)).Single().RevokedAt);
        var refused = Assert.Single(await _app.AuditedAsync($"token etl of {user}"));
        Assert.Equal((former, AuditOutcome.Denied), (refused.User, refused.Outcome));
    }

    [Fact]
    public async Task A_token_name_holding_markup_is_shown_as_text()
    {
        var (user, _) = await TokenAsync("fay", Markup);
        var providers = RenderProviders();
        var page = Render<Tokens>();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, user, Markup)), AdminPageQueries.Patience);
        page.Button($"Revoke {Markup} of {user}").Click();
        var question = providers.WaitForElement(".mud-dialog", AdminPageQueries.Patience);

        Assert.Contains(Markup, question.TextContent);
        Assert.Empty(page.FindAll("img[src=x]"));
        Assert.Empty(providers.FindAll("img[src=x]"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Markup);
    }

    /// <summary>A new account named after <paramref name="prefix"/> with one active token called <paramref name="name"/>.</summary>
    private async Task<(string User, CreatedAccessToken Token)> TokenAsync(string prefix, string name)
    {
        var user = CatalogTestData.Unique(prefix);
        var created = await _app.Accounts.CreateAsync(user, "Token-owner-1", CancellationToken.None);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var account = (await _app.Accounts.ListAsync(CancellationToken.None)).Single(a => a.UserName == user);
        return (user, await _app.Tokens.CreateAsync(account.Id, name, DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None));
    }

    private static AngleSharp.Dom.IElement? Row(IRenderedComponent<Tokens> page, string user, string name) =>
        page.FindAll("tr").FirstOrDefault(r => r.QuerySelector("td[data-label=User]")?.TextContent.Trim() == user
            && r.QuerySelector("td[data-label=Name]")?.TextContent.Trim() == name);

    // MudSelect opens its list on mouse down and draws the items in the popover provider.
    private static void Pick(IRenderedComponent<Tokens> page, IRenderedComponent<MudProviders> providers, string label, string item)
    {
        page.Find($"[role=combobox][aria-label='{label}']").Closest(".mud-input-control")!.MouseDown();
        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll(".mud-popover-open .mud-list-item")), AdminPageQueries.Patience);
        providers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == item).Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-popover-open .mud-list-item")), AdminPageQueries.Patience);
    }
}
