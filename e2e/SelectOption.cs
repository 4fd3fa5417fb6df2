using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

/// <summary>Picks an option of a MudSelect the way a user does: open the combobox, click the option, wait for the list to close.</summary>
internal static class SelectOption
{
    public static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = select }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true })).ToBeHiddenAsync();
    }
}
