using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class CatalogExplorerTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task A_table_is_found_described_changed_compared_restored_and_maintained()
    {
        using var sql = new SqlApi(app.BaseAddress);
        await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS shop");
        await sql.RunAsync("CREATE TABLE shop.orders AS SELECT range AS id, 'open' AS status, range * 10 AS amount FROM range(20)");
        await sql.RunAsync("INSERT INTO shop.orders SELECT range AS id, 'open' AS status, range * 10 AS amount FROM range(20, 30)");
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var step = "search";
        try
        {
            // Find the table through the explorer's search.
            await page.GotoAsync("/catalog");
            var searchButton = page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });
            await Expect(searchButton).ToBeEnabledAsync();
            await page.GetByLabel("Search text").FillAsync("orders");
            await searchButton.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Search results" })).ToContainTextAsync("exact name");
            await session.ScreenshotAsync("catalog-search.png");
            await page.GetByRole(AriaRole.Link, new() { Name = "main.shop.orders" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "shop.orders" })).ToBeVisibleAsync();
            await session.ScreenshotAsync("catalog-overview.png");

            step = "edit description";
            var edit = page.GetByRole(AriaRole.Button, new() { Name = "Edit description" });
            await Expect(edit).ToBeEnabledAsync();
            await edit.ClickAsync();
            await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Orders placed in the web shop");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save description" }).ClickAsync();
            await Expect(page.GetByText("Orders placed in the web shop")).ToBeVisibleAsync();

            step = "columns and schema history";
            await page.GetByRole(AriaRole.Tab, new() { Name = "Columns" }).ClickAsync();
            var columns = page.GetByRole(AriaRole.Table, new() { Name = "Columns" });
            await Expect(columns.GetByRole(AriaRole.Rowheader, new() { Name = "amount" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit description of status" })).ToBeEnabledAsync();
            await session.ScreenshotAsync("catalog-columns.png");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Schema history" }).ClickAsync();
            await Expect(page.GetByText("Schema version 1")).ToBeVisibleAsync();

            step = "update rows and see version 2";
            await sql.RunAsync("UPDATE shop.orders SET status = 'shipped' WHERE id < 5");
            await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).ClickAsync();
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Table history" });
            await Expect(history.GetByRole(AriaRole.Rowheader, new() { Name = "2 (current)" })).ToBeVisibleAsync();
            await Expect(history).ToContainTextAsync("UPDATE");

            step = "compare 1 and 2";
            await page.GetByLabel("Compare version", new() { Exact = true }).SelectOptionAsync("1");
            await page.GetByLabel("with version", new() { Exact = true }).SelectOptionAsync("2");
            await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            var comparison = page.GetByRole(AriaRole.Region, new() { Name = "Version comparison" });
            await Expect(comparison).ToContainTextAsync("30 → 30 rows (±0)");
            await Expect(comparison).ToContainTextAsync("5 row(s) added");
            await Expect(comparison.GetByRole(AriaRole.Table, new() { Name = "Rows added" })).ToContainTextAsync("shipped");
            await session.ScreenshotAsync("catalog-compare.png");

            step = "reload keeps the comparison";
            await page.ReloadAsync();
            await Expect(comparison).ToContainTextAsync("5 row(s) removed");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).First).ToBeEnabledAsync();

            step = "restore 1";
            await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).First.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Restore version 1?" });
            await Expect(dialog).ToContainTextAsync("5 row(s) added");
            await session.ScreenshotAsync("catalog-restore-confirm.png");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
            await Expect(page.GetByText("Restored: the table is now at version 3")).ToBeVisibleAsync();
            await Expect(history.GetByRole(AriaRole.Rowheader, new() { Name = "3 (current)" })).ToBeVisibleAsync();

            step = "optimize";
            // The tab strip follows the tabs pattern: from the focused History tab, ArrowRight opens Maintenance.
            await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Maintenance" })).ToBeFocusedAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Maintenance" })).ToHaveAttributeAsync("aria-selected", "true");
            await page.GetByLabel("amount", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Run OPTIMIZE" }).ClickAsync();
            await Expect(page.GetByText(new Regex("OPTIMIZE committed version 4"))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Definition).First).ToBeVisibleAsync();

            step = "vacuum dry run";
            // A zero retention is only allowed on a table configured for it; the dry run then lists every replaced file.
            await sql.RunAsync("ALTER TABLE shop.orders SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 0 hours')");
            var retention = page.GetByLabel("Retention (hours)");
            var preview = page.GetByRole(AriaRole.Button, new() { Name = "Preview (dry run)" });
            await retention.FillAsync("a week");
            await preview.ClickAsync();
            await Expect(page.GetByText("'a week' is not a retention")).ToBeVisibleAsync();
            await retention.FillAsync("0");
            await preview.ClickAsync();
            var confirm = page.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex(@"^Delete \d+ file\(s\)\?$") });
            await Expect(confirm.GetByRole(AriaRole.Table, new() { Name = "Files to delete" })).ToContainTextAsync(".parquet");
            await session.ScreenshotAsync("catalog-vacuum-dry-run.png");
            await confirm.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Delete \d+ file\(s\)$") }).ClickAsync();
            await Expect(page.GetByText(new Regex(@"VACUUM deleted \d+ file\(s\)"))).ToBeVisibleAsync();
            await session.ScreenshotAsync("catalog-maintenance.png");
            session.AssertNoConsoleErrors();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            await session.ScreenshotAsync("catalog-failure.png");
            throw new InvalidOperationException($"The catalog walk-through failed at step '{step}'. App output:\n{Tail(app.AppOutput)}", e);
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}
