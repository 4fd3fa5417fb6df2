using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class PipelinesPageTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task A_user_fills_a_template_previews_its_sql_and_saves_it_as_version_1()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        await page.GotoAsync("/pipelines");
        var use = page.GetByRole(AriaRole.Button, new() { Name = "Use template dedup" });
        await Expect(use).ToBeEnabledAsync();
        await use.ClickAsync();
        await FillAsync(page, "source", "sales.orders");
        await FillAsync(page, "keys", "id, region");
        await FillAsync(page, "order_by", "updated_at");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByLabel("Rendered SQL")).ToContainTextAsync("PARTITION BY \"id\", \"region\"");

        await FillAsync(page, "Pipeline name", "e2e_latest_orders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save pipeline" }).ClickAsync();

        var saved = page.GetByRole(AriaRole.Table, new() { Name = "Saved pipelines" });
        await Expect(saved.GetByRole(AriaRole.Row).Filter(new() { HasText = "e2e_latest_orders" })).ToContainTextAsync("version 1");
    }

    private static async Task FillAsync(IPage page, string label, string value)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(value);
        await field.BlurAsync();
        await Expect(field).ToHaveValueAsync(value);
    }
}
