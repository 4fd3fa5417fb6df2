using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>Every page of the workbench renders in the light and the dark theme without a console error.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class EveryPageThemeTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task Every_page_renders_in_both_themes_without_console_errors()
    {
        using var sql = new SqlApi(app.BaseAddress);
        await sql.RunAsync("CREATE SCHEMA IF NOT EXISTS themes");
        await sql.RunAsync("CREATE TABLE IF NOT EXISTS themes.colours AS SELECT range AS id, 'teal' AS name FROM range(4)");
        string[] pages =
        [
            "/", "/sql", "/catalog", "/ingest", "/catalog/themes/colours", "/catalog/themes/colours?tab=history",
            "/catalog/themes/colours?tab=maintenance", "/lineage/themes/colours", "/storage",
        ];

        foreach (var (theme, dark) in new[] { ("Light", false), ("Dark", true) })
        {
            await using var session = await BrowserSession.OpenAsync(app);
            await session.Page.Context.AddCookiesAsync([new Cookie { Name = "neurolake-theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            foreach (var path in pages)
            {
                try
                {
                    await session.Page.GotoAsync(path);
                    await session.Page.WaitForFunctionAsync("() => typeof window.Blazor === 'object'");
                    await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
                    var luminance = await session.Page.EvaluateAsync<double>(PageColours.BackgroundLuminance);
                    Assert.True(dark ? luminance < 0.2 : luminance > 0.8, $"{path} in the {theme} theme has a background of luminance {luminance:0.00}.");
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    await session.ScreenshotAsync($"theme-{theme}-failure.png");
                    throw new InvalidOperationException($"{path} in the {theme} theme did not render.", e);
                }
            }

            await session.ScreenshotAsync($"theme-{theme.ToLowerInvariant()}-lineage.png");
            session.AssertNoConsoleErrors();
        }
    }
}
