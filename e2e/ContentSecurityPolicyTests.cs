using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>Every page, the editor's chart (plotly), CodeMirror and the lineage graph (cytoscape) work under the app's CSP.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class ContentSecurityPolicyTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task Every_page_works_under_the_content_security_policy_without_a_violation()
    {
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS csp");
            await sql.RunAsync("CREATE TABLE IF NOT EXISTS csp.base AS SELECT range AS id, range * 2 AS amount FROM range(5)");
            await sql.RunAsync("CREATE TABLE IF NOT EXISTS csp.derived AS SELECT id, amount FROM csp.base");
        }

        await IngestApi.CreateAsync(app.BaseAddress, "csp.loaded", "loaded.csv", "id,name\n1,a\n2,b\n3,c\n");
        string[] pages =
        [
            "/", "/sql", "/catalog", "/ingest", "/catalog/csp/derived", "/catalog/csp/derived?tab=history", "/catalog/csp/derived?tab=maintenance",
            "/catalog/csp/loaded?tab=quality", "/catalog/csp/loaded?tab=lineage", "/lineage/csp/derived", "/admin/audit",
        ];
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var watch = await PageWatch.StartAsync(page);
        try
        {
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"]);
                await page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
                await watch.AssertNoViolationsAsync(path);
            }

            await page.GotoAsync("/lineage/csp/derived");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lineage graph of main.csp.derived" })).ToBeVisibleAsync();
            await SqlEditorSteps.OpenAsync(page);
            await SqlEditorSteps.RunAsync(page, "SELECT range AS n, range * range AS square FROM range(4)");
            await SqlEditorSteps.ChartAsync(page, "n", "square");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Scatter chart of square by n: 4 points" })).ToBeVisibleAsync();
            await watch.AssertNoViolationsAsync("the SQL editor's chart");
            session.AssertNoConsoleErrors();

            // Last: its own 404 is a console error. It renders in a re-executed request, with the response's nonce.
            await page.GotoAsync("/no-such-page");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
            await watch.AssertNoViolationsAsync("/no-such-page");
        }
        finally
        {
            await session.ScreenshotAsync("csp-end.png");
        }
    }
}
