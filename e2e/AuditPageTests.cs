using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class AuditPageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task An_administrator_filters_the_audit_log_and_finds_a_statement_with_its_table()
    {
        var schema = $"audit_{Guid.NewGuid():N}"[..16];
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync($"CREATE SCHEMA {schema}");
            await sql.RunAsync($"CREATE TABLE {schema}.events AS SELECT range AS id FROM range(3)");
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/admin/audit");
            var entries = page.GetByRole(AriaRole.Table, new() { Name = "Audit entries" });
            await Expect(entries).ToBeVisibleAsync();
            // Search is enabled once the circuit is up; typed before that, the filter would be lost.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search" })).ToBeEnabledAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Target contains" }).FillAsync($"{schema}.events");
            await SelectOption.ChooseAsync(page, "Action", "Statement");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

            var row = entries.GetByRole(AriaRole.Row).Filter(new() { HasText = $"CREATE TABLE {schema}.events" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("Succeeded");
            await Expect(row).ToContainTextAsync($"{schema}.events");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }))
                .ToHaveAttributeAsync("href", $"api/v1/audit/export?action=Statement&target={schema}.events");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("audit-page.png");
        }
    }
}
