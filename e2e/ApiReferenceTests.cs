using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>The API reference at /api/docs renders the OpenAPI document in Chromium under the app's CSP.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class ApiReferenceTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task The_api_reference_lists_the_endpoints_without_a_csp_violation()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var watch = await PageWatch.StartAsync(page);
        try
        {
            var response = await page.GotoAsync("/api/docs");
            Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"]);

            await Expect(page.GetByText("NeuroLake REST API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.GetByText("Jobs", new() { Exact = true }).First).ToBeVisibleAsync();
            await Expect(page.GetByText("Runs a SQL script", new() { Exact = false }).First).ToBeVisibleAsync();
            // Scalar's bundle probes whether eval works and falls back when the policy refuses it (as ours does): that
            // refusal is the policy doing its job, not a broken page. Anything else blocked fails the test.
            await watch.AssertNoViolationsAsync("/api/docs", v => v.StartsWith("script-src blocked eval (", StringComparison.Ordinal) && v.Contains("/api/docs/scalar.js:", StringComparison.Ordinal));
        }
        finally
        {
            await session.ScreenshotAsync("api-docs.png");
        }
    }
}
