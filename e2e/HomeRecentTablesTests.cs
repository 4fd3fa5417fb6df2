using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class HomeRecentTablesTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task A_new_table_and_its_statement_are_listed_on_home_and_the_table_opens_in_the_sql_editor()
    {
        using (var http = new HttpClient { BaseAddress = app.BaseAddress })
        {
            using var seeded = await http.PostAsJsonAsync("/api/v1/sql", new
            {
                sql = "CREATE SCHEMA home_e2e; CREATE TABLE home_e2e.orders AS SELECT range AS id FROM range(5)",
            });
            Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/");
            await session.WaitForInteractivityAsync();
            var recent = page.GetByRole(AriaRole.Region, new() { Name = "Recent tables" });
            await Expect(recent).ToContainTextAsync("home_e2e.orders");
            var queries = page.GetByRole(AriaRole.Region, new() { Name = "Recent queries" });
            await Expect(queries).ToContainTextAsync("CREATE TABLE home_e2e.orders AS SELECT range AS id FROM range(5)");

            await recent.GetByRole(AriaRole.Link, new() { Name = "Query home_e2e.orders in the SQL editor" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sql$"));
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "SQL editor" })).ToContainTextAsync("SELECT * FROM home_e2e.orders LIMIT 100");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run all" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" })).ToContainTextAsync("4");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("home-recent-tables.png");
        }
    }
}
