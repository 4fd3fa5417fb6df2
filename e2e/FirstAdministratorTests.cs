using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(AccountsCollection.Name)]
public sealed partial class FirstAdministratorTests(AccountsAppFixture app)
{
    private const string UserName = "ada";
    private const string Password = "Analytical-Engine-1843";

    [ChromiumFact]
    public async Task A_fresh_install_creates_its_administrator_who_signs_out_and_in_again()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/sql");
            await Expect(page).ToHaveURLAsync(SetupUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create the first administrator" })).ToBeVisibleAsync();
            await page.GetByLabel("User name").FillAsync(UserName);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();

            var account = page.GetByRole(AriaRole.Button, new() { Name = UserName });
            await Expect(account).ToBeVisibleAsync();
            await session.WaitForInteractivityAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(SignInUrl());
            await page.GotoAsync("/setup");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create the first administrator" })).Not.ToBeVisibleAsync();

            await page.GotoAsync("/sql");
            await Expect(page).ToHaveURLAsync(SignInUrl());
            await page.GetByLabel("User name").FillAsync(UserName);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(SqlUrl());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = UserName })).ToBeVisibleAsync();
        }
        finally
        {
            await session.ScreenshotAsync("first-administrator.png");
        }
    }

    [GeneratedRegex("/setup$")]
    private static partial Regex SetupUrl();

    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("/sql$")]
    private static partial Regex SqlUrl();
}
