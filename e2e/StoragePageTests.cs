using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>The Storage page in Chromium: tiers, a table's partitions, and the file cache's chart drawn by plotly.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class StoragePageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task A_user_sees_the_hot_tier_opens_a_tables_partitions_and_the_cache_chart()
    {
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync("""
                CREATE SCHEMA storage_e2e;
                CREATE TABLE storage_e2e.events (id BIGINT, region VARCHAR) PARTITIONED BY (region);
                INSERT INTO storage_e2e.events SELECT range, '<i>eu</i>' FROM range(4);
                INSERT INTO storage_e2e.events SELECT range, 'us' FROM range(4, 6);
                """);
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/storage");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Hot · this server's disk")).ToBeVisibleAsync();
            var tables = page.GetByRole(AriaRole.Table, new() { Name = "Storage by table" });
            await Expect(tables).ToContainTextAsync("main.storage_e2e.events");

            var show = page.GetByRole(AriaRole.Button, new() { Name = "Partitions of main.storage_e2e.events" });
            await Expect(show).ToBeEnabledAsync();
            await show.ClickAsync();
            var partitions = page.GetByRole(AriaRole.Table, new() { Name = "Partitions of main.storage_e2e.events" });
            await Expect(partitions.GetByRole(AriaRole.Row).Filter(new() { HasText = "<i>eu</i>" })).ToContainTextAsync("4");
            await Expect(partitions.GetByRole(AriaRole.Row).Filter(new() { HasText = "us" })).ToContainTextAsync("2");

            // Single-user mode is an administrator: the tiering panel says why nothing can move without tiers configured.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage tiering" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Only the hot tier exists", new() { Exact = false })).ToBeVisibleAsync();

            // The cache is shown too; the app samples it every minute here.
            await Expect(page.GetByText("Capacity", new() { Exact = true })).ToBeVisibleAsync();
            var chart = page.GetByRole(AriaRole.Img, new() { Name = "File cache hit rate and evictions per sample over time" });
            for (var attempt = 0; attempt < 20 && await chart.CountAsync() == 0; attempt++)
            {
                await page.WaitForTimeoutAsync(5_000);
                await page.ReloadAsync();
                await Expect(page.GetByText("Capacity", new() { Exact = true })).ToBeVisibleAsync();
            }

            await Expect(chart.Locator(".main-svg").First).ToBeVisibleAsync();
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("storage-page.png");
        }
    }
}
