using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class BackupsPageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task An_administrator_backs_up_verifies_the_set_and_restores_a_damaged_table_in_place_from_the_page()
    {
        using var sql = new SqlApi(app.BaseAddress);
        await sql.RunAsync("CREATE SCHEMA backups_e2e; CREATE TABLE backups_e2e.orders AS SELECT range AS id, 'order ' || range AS name FROM range(100)");

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/backups");
            var backUp = page.GetByRole(AriaRole.Button, new() { Name = "Back up now" });
            await Expect(backUp).ToBeEnabledAsync();
            await backUp.ClickAsync();
            var sets = page.GetByRole(AriaRole.Table, new() { Name = "Backup sets" });
            var set = sets.GetByRole(AriaRole.Row).Filter(new() { HasText = "main.backups_e2e.orders" }).First;
            await Expect(set).ToBeVisibleAsync(new() { Timeout = 90_000 });

            await set.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Expect(set).ToContainTextAsync("usable", new() { Timeout = 60_000 });

            await sql.RunAsync("DELETE FROM backups_e2e.orders WHERE id < 60");
            await set.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            var wizard = page.GetByRole(AriaRole.Region, new() { Name = "Restore from a backup" });
            await wizard.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await wizard.GetByText("main.backups_e2e.orders (version").ClickAsync();
            await wizard.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await wizard.GetByRole(AriaRole.Button, new() { Name = "In place" }).ClickAsync();
            await Expect(wizard.GetByTestId("safety-warning")).ToContainTextAsync("safety backup");
            await wizard.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await Expect(wizard.GetByTestId("restore-preview")).ToContainTextAsync("main.backups_e2e.orders gets one new version");
            await wizard.GetByRole(AriaRole.Button, new() { Name = "Confirm: back up, then restore in place" }).ClickAsync();
            await Expect(wizard.GetByTestId("restore-result").First).ToBeVisibleAsync(new() { Timeout = 90_000 });

            Assert.Equal(100, (await sql.ScalarAsync("SELECT count(*) FROM backups_e2e.orders")).GetInt64());
            Assert.Equal(40, (await sql.ScalarAsync("SELECT count(*) FROM backups_e2e.orders VERSION AS OF 1")).GetInt64());
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("backups-page.png");
        }
    }
}
