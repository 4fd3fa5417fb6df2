using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class JobsPageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task A_user_schedules_a_job_pauses_and_resumes_it_runs_it_now_and_cancels_the_run()
    {
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync("""
                CREATE SCHEMA jobs_e2e;
                CREATE TABLE jobs_e2e.big AS SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
                INSERT INTO jobs_e2e.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
                INSERT INTO jobs_e2e.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
                """);
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            // Scheduled from the table's own page, then managed on the Jobs page.
            await page.GotoAsync("/catalog/jobs_e2e/big?tab=maintenance");
            var schedule = page.GetByRole(AriaRole.Button, new() { Name = "Schedule maintenance" });
            await Expect(schedule).ToBeEnabledAsync();
            await schedule.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await FillAsync(dialog, "Name", "z-order big");
            await FillAsync(dialog, "Schedule (cron)", "0 2 * * *");
            await FillAsync(dialog, "Z-order columns", "h, x");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            var ofTable = page.GetByRole(AriaRole.Table, new() { Name = "Jobs of this table" });
            await Expect(ofTable).ToContainTextAsync("OPTIMIZE ZORDER BY (h, x)");

            await page.GotoAsync("/jobs");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New job" })).ToBeEnabledAsync();
            var jobs = page.GetByRole(AriaRole.Table, new() { Name = "Scheduled jobs" });
            var row = jobs.GetByRole(AriaRole.Row).Filter(new() { HasText = "z-order big" });
            await Expect(row).ToContainTextAsync("every day at 02:00 (UTC)");
            await Expect(row).ToContainTextAsync("Active");

            await page.GetByRole(AriaRole.Button, new() { Name = "Pause z-order big" }).ClickAsync();
            await Expect(row).ToContainTextAsync("Paused since");
            await page.GetByRole(AriaRole.Button, new() { Name = "Resume z-order big" }).ClickAsync();
            await Expect(row).ToContainTextAsync("Active");

            await page.GetByRole(AriaRole.Button, new() { Name = "Run z-order big now" }).ClickAsync();
            var runs = page.GetByRole(AriaRole.Table, new() { Name = "Job runs" });
            await Expect(runs.GetByRole(AriaRole.Progressbar, new() { Name = "Progress of z-order big" })).ToBeVisibleAsync();
            var run = runs.GetByRole(AriaRole.Row).Filter(new() { HasText = "z-order big" });
            // Cancel once a worker runs it (the z-order takes several seconds): a real cancel, not of a queued run.
            await Expect(run.GetByText("Running", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await runs.GetByRole(AriaRole.Button, new() { Name = "Cancel run of z-order big" }).ClickAsync();

            await Expect(run).ToContainTextAsync("Cancelled", new() { Timeout = 20_000 });
            await Expect(run).ToContainTextAsync("nothing half-done was committed");

            // Found again by searching the history for the table.
            var tableFilter = page.GetByLabel("Table", new() { Exact = true });
            await tableFilter.FillAsync("main.jobs_e2e.big");
            await tableFilter.BlurAsync();
            await Expect(runs.GetByRole(AriaRole.Row).Filter(new() { HasText = "z-order big" }).Filter(new() { HasText = "Cancelled" })).ToBeVisibleAsync();
            await tableFilter.FillAsync("main.jobs_e2e.nothing_here");
            await tableFilter.BlurAsync();
            await Expect(runs.GetByRole(AriaRole.Row).Filter(new() { HasText = "z-order big" })).ToHaveCountAsync(0);
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("jobs-page.png");
        }
    }

    // Each field is left (its change reaches the server) and checked before the next one is typed.
    private static async Task FillAsync(ILocator dialog, string label, string value)
    {
        var field = dialog.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.BlurAsync();
        await Expect(field).ToHaveValueAsync(value);
    }
}
