using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>The wizard's place is in the URL: a reload, Back and Forward land on the same step with the user's edits.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class IngestWizardNavigationTests(WorkbenchAppFixture app)
{
    private static string Csv(string tag) => $"Order Id,Amount,Note\n1,10,{tag}\n2,20,b\n3,30,c\n";

    private static async Task<IPage> UploadedAsync(BrowserSession session, string name, string text)
    {
        var page = session.Page;
        await page.GotoAsync("/ingest");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose files…" })).ToBeEnabledAsync();
        await DroppedFile.DropTextAsync(page, name, text);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Load {name}" })).ToBeVisibleAsync();
        return page;
    }

    [ChromiumFact]
    public async Task A_reload_mid_wizard_returns_to_the_same_step_with_the_edits_kept()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        try
        {
            var page = await UploadedAsync(session, "reload_orders.csv", Csv(Guid.NewGuid().ToString("N")));
            await page.GetByRole(AriaRole.Button, new() { Name = "Load reload_orders.csv" }).ClickAsync();
            var name = page.GetByLabel("Name of Note");
            await Expect(name).ToHaveValueAsync("note");
            await Expect(page).ToHaveURLAsync(new Regex(@"/ingest\?upload=[0-9a-f]{32}&step=schema$"));

            await name.FillAsync("remark");
            await name.PressAsync("Tab");
            await IngestWizardTests.ChooseAsync(page, page.GetByLabel("Type of Amount"), "DOUBLE");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview rows" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("step=preview$"));
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToContainTextAsync("remark");

            await page.ReloadAsync();

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToContainTextAsync("remark");
            await Expect(page).ToHaveURLAsync(new Regex("step=preview$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
            await Expect(page.GetByLabel("Name of Note")).ToHaveValueAsync("remark");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Amount" })).ToContainTextAsync("changed from BIGINT");
            await session.ScreenshotAsync("ingest-reload.png");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("ingest-reload-last.png");
        }
    }

    [ChromiumFact]
    public async Task Back_and_forward_move_between_the_steps()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        try
        {
            var page = await UploadedAsync(session, "history_orders.csv", Csv(Guid.NewGuid().ToString("N")));
            await page.GetByRole(AriaRole.Button, new() { Name = "Load history_orders.csv" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview rows" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check quality and PII" }).ClickAsync();
            // Profiling a sample for quality and PII takes seconds on a loaded machine.
            await Expect(page.GetByLabel("Quality score")).ToContainTextAsync("/100", new() { Timeout = 30_000 });
            await Expect(page).ToHaveURLAsync(new Regex("step=findings$"));

            await page.GoBackAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToBeVisibleAsync();
            await page.GoBackAsync();
            await Expect(page.GetByLabel("Name of Order Id")).ToHaveValueAsync("order_id");
            await page.GoBackAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load history_orders.csv" })).ToBeVisibleAsync();

            await page.GoForwardAsync();
            await Expect(page.GetByLabel("Name of Order Id")).ToHaveValueAsync("order_id");
            await page.GoForwardAsync();
            // Each step is shown before the next Forward: two at once can reach the circuit out of order (no person is that fast).
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToBeVisibleAsync();
            await page.GoForwardAsync();
            // Profiling a sample for quality and PII takes seconds on a loaded machine.
            await Expect(page.GetByLabel("Quality score")).ToContainTextAsync("/100", new() { Timeout = 30_000 });
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Ingestion steps" }).Locator("[aria-current=step]")).ToHaveTextAsync("5 Quality & PII");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("ingest-history-last.png");
        }
    }

    [ChromiumFact]
    public async Task An_upload_is_removed_after_confirming_and_an_identical_one_is_listed_once()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        try
        {
            var text = Csv(Guid.NewGuid().ToString("N"));
            var page = await UploadedAsync(session, "remove_orders.csv", text);
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Uploaded files" })).ToContainTextAsync("expires");

            await DroppedFile.DropTextAsync(page, "remove_orders_copy.csv", text);
            await Expect(page.GetByText("remove_orders_copy.csv is already uploaded as remove_orders.csv")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load remove_orders_copy.csv" })).Not.ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load remove_orders.csv" })).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "Remove remove_orders.csv" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Remove remove_orders.csv?");
            await session.ScreenshotAsync("ingest-remove-confirm.png");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load remove_orders.csv" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Remove remove_orders.csv" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load remove_orders.csv" })).Not.ToBeVisibleAsync();

            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose files…" })).ToBeEnabledAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load remove_orders.csv" })).Not.ToBeVisibleAsync();
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("ingest-remove-last.png");
        }
    }

    [ChromiumFact]
    public async Task A_load_where_every_row_is_quarantined_warns_and_leaves_no_table()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        try
        {
            var page = await UploadedAsync(session, "all_bad.csv", $"id,amount\n1,x{Guid.NewGuid():N}\n2,y\n");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load all_bad.csv" }).ClickAsync();
            await IngestWizardTests.ChooseAsync(page, page.GetByLabel("Type of amount"), "BIGINT");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview rows" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check quality and PII" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Choose target" }).ClickAsync();
            await Expect(page.GetByLabel("Keep the table even if no row loads")).Not.ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create table" }).ClickAsync();

            await Expect(page.GetByLabel("Load outcome")).ToContainTextAsync("every row (2) went to quarantine, so no table was created");
            await Expect(page.GetByLabel("Load outcome")).ToHaveClassAsync(new Regex("mud-alert-.*warning"));
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Quarantined rows" })).ToContainTextAsync("y");
            await session.ScreenshotAsync("ingest-all-quarantined.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Fix the schema" }).ClickAsync();
            await Expect(page.GetByLabel("Name of amount")).ToHaveValueAsync("amount");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByLabel("Name of amount") })).ToContainTextAsync("changed from VARCHAR");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("ingest-all-quarantined-last.png");
        }
    }
}
