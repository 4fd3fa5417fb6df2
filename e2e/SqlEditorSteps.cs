using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>The SQL editor driven through its labelled controls: open it, run a script, chart the result.</summary>
internal static class SqlEditorSteps
{
    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/sql");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run all" })).ToBeEnabledAsync();
    }

    /// <summary>Replaces the editor's text with <paramref name="sql"/> (pasted, so autocomplete stays shut) and runs it.</summary>
    public static async Task RunAsync(IPage page, string sql)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "SQL editor" }).ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.InsertTextAsync(sql);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run all" }).ClickAsync();
    }

    /// <summary>Charts the first result as a scatter of <paramref name="y"/> by <paramref name="x"/>.</summary>
    public static async Task ChartAsync(IPage page, string x, string y)
    {
        await Expect(page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Chart", Exact = true }).ClickAsync();
        await SelectOption.ChooseAsync(page, "Chart type", "Scatter");
        await SelectOption.ChooseAsync(page, "X column", x);
        await SelectOption.ChooseAsync(page, "Y column", y);
    }
}
