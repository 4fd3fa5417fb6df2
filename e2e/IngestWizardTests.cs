using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class IngestWizardTests(WorkbenchAppFixture app)
{
    private static readonly string BirdStrikes = Path.Combine(RepositoryLayout.Root, "..", "shared", "data", "messy", "birdstrikes.csv");

    [ChromiumFact]
    public async Task A_dropped_csv_becomes_a_table_after_fixing_a_type_and_confirming_pii()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/ingest");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose files…" })).ToBeEnabledAsync();

            await DroppedFile.DropAsync(page, BirdStrikes);
            await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload of birdstrikes.csv" })).ToHaveAttributeAsync("aria-valuenow", "100");
            await session.ScreenshotAsync("ingest-1-uploaded.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load birdstrikes.csv" }).ClickAsync();

            var speed = page.GetByLabel("Type of Speed IAS in knots");
            await Expect(speed).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Detected dialect")).ToContainTextAsync("delimiter ,");
            await ChooseAsync(page, speed, "DOUBLE");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Speed IAS in knots" })).ToContainTextAsync("changed from");
            await session.ScreenshotAsync("ingest-2-schema.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview rows" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Preview rows" })).ToContainTextAsync("BARKSDALE AIR FORCE BASE ARPT");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check quality and PII" }).ClickAsync();

            // Profiling a sample for quality and PII takes seconds on a loaded machine.
            await Expect(page.GetByLabel("Quality score")).ToContainTextAsync("/100", new() { Timeout = 30_000 });
            var confirms = page.GetByRole(AriaRole.List, new() { Name = "PII findings" }).GetByRole(AriaRole.Button).Filter(new() { HasTextRegex = new("^Confirm ") });
            for (var i = 0; i < await confirms.CountAsync(); i++)
            {
                await confirms.Nth(i).ClickAsync();
                await Expect(confirms.Nth(i)).ToHaveAttributeAsync("aria-pressed", "true");
            }

            // Bird strikes hold no detectable personal data; an operator can be a private pilot, so mark that column by hand.
            await ChooseAsync(page, page.GetByLabel("Column", new() { Exact = true }), "aircraft_airline_operator");
            await ChooseAsync(page, page.GetByLabel("Holds"), "Person name");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as PII" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm aircraft_airline_operator" })).ToHaveAttributeAsync("aria-pressed", "true");
            await session.ScreenshotAsync("ingest-3-findings.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Choose target" }).ClickAsync();

            await Expect(page.GetByLabel("Schema differences")).ToContainTextAsync("does not exist yet");
            await Expect(page.GetByLabel("Table", new() { Exact = true })).ToHaveValueAsync("birdstrikes");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create table" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Loaded birdstrikes.csv" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page.GetByLabel("Load outcome")).ToContainTextAsync("Loaded 10,000 rows.");
            await Expect(page.GetByLabel("Rows loaded")).ToHaveTextAsync("10000", new() { Timeout = 60_000 });
            await Expect(page.GetByLabel("Rows quarantined")).ToHaveTextAsync("0");
            await session.ScreenshotAsync("ingest-4-summary.png");

            await page.GetByRole(AriaRole.Link, new() { Name = "Open the table" }).ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Columns" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "aircraft_airline_operator" })).ToContainTextAsync("PII: Person name");
            await session.ScreenshotAsync("ingest-5-catalog-pii.png");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Quality" }).ClickAsync();
            await Expect(page.GetByLabel("Quality score", new() { Exact = true })).ToHaveTextAsync("95/100");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Null % per column chart" }).Locator(".main-svg").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Row count chart" })).ToContainTextAsync("Row count");
            await session.ScreenshotAsync("ingest-6-quality.png");

            await page.GotoAsync("/sql");
            var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "SQL editor" });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run all" })).ToBeEnabledAsync();
            await editor.ClickAsync();
            await page.Keyboard.TypeAsync("CREATE TABLE strike_costs AS SELECT airport_name, cost_total FROM birdstrikes WHERE cost_total > 0");
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("Control+Shift+Enter");
            await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Run status" })).ToContainTextAsync("Done");
            await session.ScreenshotAsync("ingest-7-ctas.png");

            await page.GotoAsync("/lineage/default/birdstrikes");
            var edges = page.GetByRole(AriaRole.Table, new() { Name = "Lineage edges" });
            await Expect(edges.GetByRole(AriaRole.Row).Filter(new() { HasText = "main.default.strike_costs" })).ToContainTextAsync("statement");
            await Expect(edges.GetByRole(AriaRole.Row).Filter(new() { HasText = "birdstrikes.csv" })).ToContainTextAsync("ingestion");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lineage graph of main.default.birdstrikes: 2 edge(s)" }).Locator("canvas").First).ToBeVisibleAsync();
            await session.ScreenshotAsync("ingest-8-lineage.png");
            await page.GetByLabel("Column level").CheckAsync();
            await Expect(edges).ToContainTextAsync("main.default.birdstrikes.cost_total");
            await Expect(edges.GetByRole(AriaRole.Row).Filter(new() { HasText = "birdstrikes.csv" })).ToContainTextAsync("main.default.birdstrikes");
            await Expect(edges.GetByRole(AriaRole.Row).Filter(new() { HasText = "main.default.birdstrikes.airport_name" })).ToContainTextAsync("main.default.strike_costs.airport_name");
            await session.ScreenshotAsync("ingest-9-lineage-columns.png");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Impact analysis" }).ClickAsync();
            var impact = page.GetByRole(AriaRole.Table, new() { Name = "Impacted assets" });
            await Expect(impact).ToContainTextAsync("main.default.strike_costs");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
            Assert.Equal("impact-default-birdstrikes.csv", download.SuggestedFilename);
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.StartsWith("asset,depth,path,risk_score,factors", csv);
            Assert.Contains("main.default.strike_costs,1,", csv);
            await session.ScreenshotAsync("ingest-10-impact.png");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("ingest-last.png");
        }
    }

    /// <summary>Picks <paramref name="option"/> in a MudSelect: open its list, click the option.</summary>
    internal static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).Not.ToBeVisibleAsync();
    }
}
