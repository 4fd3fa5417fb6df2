using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>
/// Issue 20's "done when" as one story on a fresh install in Accounts mode (its own app, so it meets the setup page):
/// the administrator is created, adds an analyst, ingests a table with an e-mail column; the analyst cannot find or
/// query it; a grant on the schema lets the analyst's next query read it with the e-mails masked; the audit page
/// shows every step.
/// </summary>
public sealed partial class GovernanceStoryTests(AccountsAppFixture app) : IClassFixture<AccountsAppFixture>
{
    private const string Admin = "olga";
    private const string AdminPassword = "Olga-admin-2026";
    private const string Analyst = "ann";
    private const string AnalystPassword = "Ann-analyst-2026";
    private const string Query = "SELECT id, email FROM customers ORDER BY id";

    private const string Customers = """
        id,email,city
        1,jane@example.com,Lisbon
        2,john@example.org,Oslo
        3,ada@example.net,Turin
        4,alan@example.com,Leeds
        5,grace@example.org,Boston
        6,linus@example.net,Espoo
        """;

    [ChromiumFact]
    public async Task A_fresh_install_gets_an_administrator_who_grants_an_analyst_a_masked_table_and_the_audit_page_shows_it_all()
    {
        await using var admin = await BrowserSession.OpenAsync(app);
        await using var analyst = await BrowserSession.OpenAsync(app);
        try
        {
            await CreateAdministratorAsync(admin.Page);
            await admin.WaitForInteractivityAsync();
            await AddAnalystAsync(admin.Page);
            await IngestCustomersAsync(admin);

            await SignInAsync(analyst.Page, Analyst, AnalystPassword);
            await ExpectHiddenAsync(analyst.Page);
            await SqlEditorSteps.OpenAsync(analyst.Page);
            await SqlEditorSteps.RunAsync(analyst.Page, Query);
            await Expect(analyst.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("permission denied: SELECT on table main.default.customers");
            await analyst.ScreenshotAsync("story-3-refused.png");

            await GrantSelectOnSchemaAsync(admin.Page);

            await SqlEditorSteps.RunAsync(analyst.Page, Query);
            var results = analyst.Page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" });
            await Expect(results).ToContainTextAsync("j***@example.com");
            await Expect(results).ToContainTextAsync("l***@example.net");
            await Expect(results).Not.ToContainTextAsync("jane@");
            await analyst.ScreenshotAsync("story-5-masked.png");

            await ExpectAuditedAsync(admin.Page);
            admin.AssertNoConsoleErrors();
        }
        finally
        {
            await admin.ScreenshotAsync("story-admin-last.png");
            await analyst.ScreenshotAsync("story-analyst-last.png");
        }
    }

    private static async Task CreateAdministratorAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SetupUrl());
        await page.GetByLabel("User name").FillAsync(Admin);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByLabel("Confirm password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Admin })).ToBeVisibleAsync();
    }

    /// <summary>Adds the analyst's account on the Users page and puts it in the analyst role group on the Groups page.</summary>
    private static async Task AddAnalystAsync(IPage page)
    {
        await page.GotoAsync("/admin/users");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add user" })).ToBeEnabledAsync();
        await page.GetByLabel("User name").FillAsync(Analyst);
        await page.GetByLabel("Initial password").FillAsync(AnalystPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added" })).ToContainTextAsync($"Added {Analyst}.");

        await page.GotoAsync("/admin/groups");
        // Add is enabled once the circuit is up; typed before that, the name would be lost.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add member to analyst" })).ToBeEnabledAsync();
        await page.GetByLabel("User to add to analyst").FillAsync(Analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member to analyst" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added" })).ToContainTextAsync($"Added {Analyst} to analyst.");
    }

    /// <summary>The wizard's way: drop a CSV, confirm the e-mail column as PII, create <c>main.default.customers</c>.</summary>
    private static async Task IngestCustomersAsync(BrowserSession session)
    {
        var page = session.Page;
        await page.GotoAsync("/ingest");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose files…" })).ToBeEnabledAsync();
        await DroppedFile.DropTextAsync(page, "customers.csv", Customers);
        await page.GetByRole(AriaRole.Button, new() { Name = "Load customers.csv" }).ClickAsync();
        await Expect(page.GetByLabel("Name of email")).ToHaveValueAsync("email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview rows" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToContainTextAsync("jane@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check quality and PII" }).ClickAsync();

        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Confirm email" });
        await Expect(confirm).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await confirm.ClickAsync();
        await Expect(confirm).ToHaveAttributeAsync("aria-pressed", "true");
        await session.ScreenshotAsync("story-1-pii.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose target" }).ClickAsync();

        await Expect(page.GetByLabel("Table", new() { Exact = true })).ToHaveValueAsync("customers");
        await Expect(page.GetByLabel("Schema", new() { Exact = true })).ToHaveValueAsync("default");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create table" }).ClickAsync();
        await Expect(page.GetByLabel("Load outcome")).ToContainTextAsync("Loaded 6 rows.", new() { Timeout = 60_000 });
        await session.ScreenshotAsync("story-2-loaded.png");
    }

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = user })).ToBeVisibleAsync();
    }

    /// <summary>Neither the catalog tree nor search shows the analyst a table they may not SELECT, and its page answers as for a missing one.</summary>
    private static async Task ExpectHiddenAsync(IPage page)
    {
        await page.GotoAsync("/catalog?schema=default");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalog", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("a[href*='catalog/default/customers']")).ToHaveCountAsync(0);
        await page.GotoAsync("/catalog?q=customers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalog", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("a[href*='catalog/default/customers']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Search results" })).ToContainTextAsync("Nothing matches 'customers'");
    }

    private static async Task GrantSelectOnSchemaAsync(IPage page)
    {
        await page.GotoAsync("/admin/grants");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show grants" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Securable", Exact = true }).FillAsync("main.default");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show grants" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Grantee", Exact = true }).FillAsync("analyst");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "SELECT", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Grant", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Granted" })).ToContainTextAsync("Granted SELECT on schema main.default to group analyst.");
    }

    private static async Task ExpectAuditedAsync(IPage page)
    {
        await page.GotoAsync("/admin/audit");
        var entries = page.GetByRole(AriaRole.Table, new() { Name = "Audit entries" });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search" })).ToBeEnabledAsync();
        await ExpectRowAsync(entries, "created the first administrator (setup page)", Admin, "Admin change", $"account {Admin}");
        await ExpectRowAsync(entries, "created the account", Admin, "Admin change", $"account {Analyst}");
        await ExpectRowAsync(entries, $"added member {Analyst}", Admin, "Admin change", "group analyst");
        await ExpectRowAsync(entries, "customers.csv", Admin, "Ingestion", "main.default.customers");
        await ExpectRowAsync(entries, "GRANT SELECT ON SCHEMA main.default TO GROUP analyst", Admin, "Grant", "main.default");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "User", Exact = true }).FillAsync(Analyst);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ExpectRowAsync(entries, "Sign-in", Analyst, "Sign-in", Analyst);
        var queries = entries.GetByRole(AriaRole.Row).Filter(new() { HasText = Query });
        await Expect(queries).ToHaveCountAsync(2);
        await Expect(queries.Filter(new() { HasText = "Denied" })).ToContainTextAsync("permission denied");
        await Expect(queries.Filter(new() { HasText = "Succeeded" })).ToContainTextAsync("default.customers");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryLayout.Screenshots, "story-6-audit.png"), FullPage = true });
    }

    private static async Task ExpectRowAsync(ILocator entries, string text, string user, string action, string target)
    {
        var row = entries.GetByRole(AriaRole.Row).Filter(new() { HasText = text }).First;
        await Expect(row).ToContainTextAsync(user);
        await Expect(row).ToContainTextAsync(action);
        await Expect(row).ToContainTextAsync(target);
        await Expect(row).ToContainTextAsync("Succeeded");
    }

    [GeneratedRegex("/setup$")]
    private static partial Regex SetupUrl();
}
