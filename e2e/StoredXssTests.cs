using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>
/// Markup stored in every user-text field reachable today comes back as text: table and column comments, table
/// properties, tags, cell values, CSV headers (ingestion API and wizard), quoted identifiers in error messages,
/// result column names in the grid and as plotly axis titles, lineage labels (cytoscape), audit details. No dialog opens, and no
/// element the markup describes appears in the page.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class StoredXssTests(WorkbenchAppFixture app)
{
    private const string Img = "<img src=x onerror=alert(1)>";
    private const string Script = "\"><script>alert(2)</script>";

    [ChromiumFact]
    public async Task Markup_in_every_user_text_field_is_shown_literally_and_never_runs()
    {
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS xss");
            await sql.RunAsync($"CREATE TABLE xss.notes (id INT, note VARCHAR) COMMENT '{Img}'");
            await sql.RunAsync($"ALTER TABLE xss.notes ALTER COLUMN note COMMENT '{Script}'");
            await sql.RunAsync($"ALTER TABLE xss.notes SET TBLPROPERTIES ('label' = '{Script}')");
            await sql.RunAsync($"INSERT INTO xss.notes VALUES (1, '{Img}'), (2, '{Script}')");
            await sql.RunAsync("CREATE TABLE xss.copied AS SELECT * FROM xss.notes");
        }

        var headers = $"id,{Img},\"{Script.Replace("\"", "\"\"")}\"\n";
        await IngestApi.CreateAsync(app.BaseAddress, "xss.headers", "headers.csv", headers + "1,a,b\n2,c,d\n");

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var watch = await PageWatch.StartAsync(page);
        try
        {
            await page.GotoAsync("/catalog/xss/notes");
            await ExpectLiteralAsync(page, Img);
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit tags" }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Tags" }).FillAsync($"{Img}, {Script}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save tags" }).ClickAsync();
            await ExpectLiteralAsync(page, Script);
            // Checked inside the tab's table: the previous tab's text may still be on the page right after the click.
            await page.GetByRole(AriaRole.Tab, new() { Name = "Columns" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Columns" }).GetByText(Script)).ToBeVisibleAsync();
            await AssertNothingInjectedAsync(page);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Sample" }).ClickAsync();
            await ExpectLiteralAsync(page, Img);

            await page.GotoAsync("/catalog/xss/headers?tab=columns");
            await ExpectLiteralAsync(page, Img);
            await ExpectLiteralAsync(page, Script);

            await page.GotoAsync("/lineage/xss/copied");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lineage graph of main.xss.copied" })).ToBeVisibleAsync();
            await page.GotoAsync("/lineage/xss/headers");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lineage graph of main.xss.headers" })).ToBeVisibleAsync();
            await AssertNothingInjectedAsync(page);

            await SqlEditorSteps.OpenAsync(page);
            await SqlEditorSteps.RunAsync(page, $"SELECT * FROM xss.\"{Img}\"");
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Img })).ToBeVisibleAsync();
            await SqlEditorSteps.RunAsync(page, $"SELECT range AS \"{Img}\", range * 2 AS \"{Script.Replace("\"", "\"\"")}\" FROM range(3)");
            await Expect(page.GetByRole(AriaRole.Columnheader).Filter(new() { HasText = Img })).ToBeVisibleAsync();
            await SqlEditorSteps.ChartAsync(page, Img, Script);
            var chart = page.GetByRole(AriaRole.Img, new() { Name = $"Scatter chart of {Script} by {Img}: 3 points" });
            await Expect(chart.Locator(".xtitle")).ToHaveTextAsync(Img);
            await Expect(chart.Locator(".ytitle")).ToHaveTextAsync(Script);
            await AssertNothingInjectedAsync(page);

            await page.GotoAsync("/admin/audit");
            await ExpectLiteralAsync(page, Img);

            await page.GotoAsync("/ingest");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose files…" })).ToBeEnabledAsync();
            await DroppedFile.DropTextAsync(page, "markup.csv", headers + "1,e,f\n");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load markup.csv" }).ClickAsync();
            await ExpectLiteralAsync(page, Img);
            await ExpectLiteralAsync(page, Script);

            watch.AssertNoDialogs();
            await watch.AssertNoViolationsAsync("the ingestion wizard");
        }
        finally
        {
            await session.ScreenshotAsync("xss-end.png");
        }
    }

    /// <summary>The text is on the page as text, and nothing it would have become as markup is.</summary>
    private static async Task ExpectLiteralAsync(IPage page, string text)
    {
        await Expect(page.GetByText(text).First).ToBeVisibleAsync();
        await AssertNothingInjectedAsync(page);
    }

    private static async Task AssertNothingInjectedAsync(IPage page)
    {
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.textContent.includes('alert('))"));
    }
}
