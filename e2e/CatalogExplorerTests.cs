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
            await PickAsync(page, "Compare version", "1");
            await PickAsync(page, "with version", "2");
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
            var restore = page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).First;
            await restore.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Restore version 1?" });
            await Expect(dialog).ToContainTextAsync("5 row(s) added");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(history.GetByRole(AriaRole.Rowheader, new() { Name = "2 (current)" })).ToBeVisibleAsync();
            await restore.ClickAsync();
            await session.ScreenshotAsync("catalog-restore-confirm.png");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
            await Expect(page.GetByText("Restored: the table is now at version 3")).ToBeVisibleAsync();
            await Expect(history.GetByRole(AriaRole.Rowheader, new() { Name = "3 (current)" })).ToBeVisibleAsync();

            step = "open a version in the SQL editor";
            var openInSql = page.GetByRole(AriaRole.Link, new() { Name = "Open version 1 in the SQL editor" });
            await Expect(openInSql).ToHaveAttributeAsync("href", "sql?query=" + Uri.EscapeDataString("SELECT * FROM shop.orders VERSION AS OF 1"));

            step = "optimize";
            // MudTabs follows the tabs pattern with manual activation: ArrowRight moves focus to Maintenance, Enter opens it.
            await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Maintenance" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Maintenance" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(page).ToHaveURLAsync(new Regex(@"\?tab=maintenance$"));
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "amount", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Run OPTIMIZE" }).ClickAsync();
            await Expect(page.GetByText(new Regex("OPTIMIZE committed version 4"))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Definition).First).ToBeVisibleAsync();

            step = "vacuum dry run";
            // A retention under the table's week needs the switch, which asks first.
            var retention = page.GetByLabel("Retention (hours)");
            var preview = page.GetByRole(AriaRole.Button, new() { Name = "Preview (dry run)" });
            await retention.FillAsync("a week");
            await preview.ClickAsync();
            await Expect(page.GetByText("'a week' is not a retention")).ToBeVisibleAsync();
            await retention.FillAsync("0");
            await preview.ClickAsync();
            await Expect(page.GetByText("0 hours is shorter than the table's 168 hours")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Switch, new() { Name = "Allow retention shorter than the table's minimum" }).CheckAsync();
            var allow = page.GetByRole(AriaRole.Dialog, new() { Name = "Allow a retention shorter than 168 hours?" });
            await Expect(allow).ToContainTextAsync("can no longer be read");
            await allow.GetByRole(AriaRole.Button, new() { Name = "Allow shorter retention" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Allow retention shorter than the table's minimum" })).ToBeCheckedAsync();
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

    [ChromiumFact]
    public async Task The_table_page_in_dark_mode_keeps_the_theme_after_a_reload()
    {
        using var sql = new SqlApi(app.BaseAddress);
        await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS night");
        await sql.RunAsync("CREATE TABLE night.stars AS SELECT range AS id FROM range(3)");
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/catalog/night/stars?tab=history");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Table history" })).ToBeVisibleAsync();
            await WaitForInteractivityAsync(page);
            var theme = page.GetByRole(AriaRole.Button, new() { Name = "Theme" });
            await theme.ClickAsync();
            await page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Dark" }).ClickAsync();
            await page.WaitForFunctionAsync($"() => ({PageColours.BackgroundLuminance})() < 0.2");

            await page.ReloadAsync();

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Table history" })).ToBeVisibleAsync();
            Assert.True(await BackgroundLuminanceAsync(page) < 0.2, "After a reload the page is light again: the dark choice was not kept.");
            await session.ScreenshotAsync("catalog-dark.png");
            session.AssertNoConsoleErrors();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            await session.ScreenshotAsync("catalog-dark-failure.png");
            throw new InvalidOperationException($"The dark mode walk-through failed. App output:\n{Tail(app.AppOutput)}", e);
        }
    }

    [ChromiumFact]
    public async Task The_history_tab_is_usable_820_pixels_wide()
    {
        using var sql = new SqlApi(app.BaseAddress);
        await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS tablet");
        await sql.RunAsync("CREATE TABLE tablet.visits AS SELECT range AS id, 'open' AS status FROM range(5)");
        await sql.RunAsync("UPDATE tablet.visits SET status = 'closed' WHERE id < 2");
        await using var session = await BrowserSession.OpenAsync(app, width: 820, height: 1100);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/catalog/tablet/visits?tab=history");
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Table history" });
            await Expect(history).ToBeVisibleAsync();
            await WaitForInteractivityAsync(page);

            // The drawer starts closed at this width; the app bar's menu button opens it.
            var areas = page.GetByRole(AriaRole.Navigation, new() { Name = "Workbench areas" });
            var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(areas).Not.ToBeInViewportAsync();
            await menu.ClickAsync();
            await Expect(areas).ToBeInViewportAsync();
            await session.ScreenshotAsync("catalog-820-drawer.png");
            // The open drawer lies over the page; a click beside it closes it.
            await page.Mouse.ClickAsync(700, 600);
            await Expect(areas).Not.ToBeInViewportAsync();

            // Columns are not cut off: the table scrolls sideways inside itself, and its last column can be reached and used.
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(pageWidth <= 820, $"The page is {pageWidth} px wide at an 820 px viewport: something overflows the window.");
            var actions = history.GetByRole(AriaRole.Columnheader, new() { Name = "Actions" });
            await actions.ScrollIntoViewIfNeededAsync();
            await Expect(actions).ToBeInViewportAsync();
            var browse = history.GetByRole(AriaRole.Link, new() { Name = "Browse rows of version 0" });
            await Expect(browse).ToBeInViewportAsync();
            await browse.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Rows of version 0" })).ToContainTextAsync("open");
            await session.ScreenshotAsync("catalog-820-history.png");
            session.AssertNoConsoleErrors();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            await session.ScreenshotAsync("catalog-820-failure.png");
            throw new InvalidOperationException($"The 820 px walk-through failed. App output:\n{Tail(app.AppOutput)}", e);
        }
    }

    // The Compare button is disabled until the circuit is up: from then on clicks reach the server.
    private static Task WaitForInteractivityAsync(IPage page) =>
        Expect(page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true })).ToBeEnabledAsync();

    // MudSelect opens a list box when its combobox is clicked; the versions are its options.
    private static async Task PickAsync(IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true })).ToHaveTextAsync(option);
    }

    // The relative luminance (0 black, 1 white) of the body's computed background.
    private static Task<double> BackgroundLuminanceAsync(IPage page) => page.EvaluateAsync<double>(PageColours.BackgroundLuminance);

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}
