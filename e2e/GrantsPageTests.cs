using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class GrantsPageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task An_administrator_grants_select_on_a_schema_to_analyst()
    {
        var schema = $"grants_{Guid.NewGuid():N}"[..16];
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync($"CREATE SCHEMA {schema}");
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/admin/grants");
            // Show grants is disabled until the circuit is up: from then on clicks reach the server.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show grants" })).ToBeEnabledAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Securable", Exact = true }).FillAsync($"main.{schema}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show grants" }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Grantee", Exact = true }).FillAsync("analyst");
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "SELECT", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Grant", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Granted" })).ToContainTextAsync($"Granted SELECT on schema main.{schema} to group analyst.");
            var row = page.GetByLabel($"Grants on schema main.{schema}").GetByRole(AriaRole.Row).Filter(new() { HasText = "group analyst" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("SELECT");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("grants-page.png");
        }
    }
}
