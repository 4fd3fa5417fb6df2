using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class LineageGraphTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task Column_lineage_draws_tables_that_do_not_overlap_with_zoom_and_fit()
    {
        using (var sql = new SqlApi(app.BaseAddress))
        {
            await sql.RunAsync("CREATE SCHEMA e2e_lin");
            await sql.RunAsync("CREATE TABLE e2e_lin.raw AS SELECT range AS id, range * 2 AS amount, 'x' || range AS note FROM range(10)");
            await sql.RunAsync("CREATE TABLE e2e_lin.clean AS SELECT id, amount FROM e2e_lin.raw");
            await sql.RunAsync("CREATE TABLE e2e_lin.report AS SELECT c.id, c.amount, r.note FROM e2e_lin.clean c JOIN e2e_lin.raw r USING (id)");
        }

        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/lineage/e2e_lin/clean");
            // The zoom buttons enable once the graph is drawn, so the page is interactive.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" })).ToBeEnabledAsync(new() { Timeout = 15_000 });
            await page.GetByRole(AriaRole.Switch, new() { Name = "Column level" }).ClickAsync();
            var edges = page.GetByLabel("Lineage edges");
            await Expect(edges).ToContainTextAsync("main.e2e_lin.clean.amount");
            var graph = page.GetByRole(AriaRole.Img, new() { Name = "Lineage graph of main.e2e_lin.clean" });
            await Expect(graph).ToBeVisibleAsync();

            // cytoscape keeps its instance on the container: the tables' boxes must not overlap.
            var overlaps = await graph.EvaluateAsync<int>("""
                element => {
                    const cy = element._cyreg.cy;
                    const boxes = cy.nodes().filter(n => !n.isChild()).map(n => n.boundingBox({ includeLabels: false }));
                    let overlaps = 0;
                    for (let i = 0; i < boxes.length; i++)
                        for (let j = i + 1; j < boxes.length; j++)
                            if (boxes[i].x1 < boxes[j].x2 && boxes[j].x1 < boxes[i].x2 && boxes[i].y1 < boxes[j].y2 && boxes[j].y1 < boxes[i].y2) overlaps++;
                    return boxes.length >= 3 ? overlaps : -1;
                }
                """);
            Assert.Equal(0, overlaps);

            var zoom = await graph.EvaluateAsync<double>("element => element._cyreg.cy.zoom()");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
            Assert.True(await graph.EvaluateAsync<double>("element => element._cyreg.cy.zoom()") > zoom);
            await page.GetByRole(AriaRole.Button, new() { Name = "Fit", Exact = true }).ClickAsync();
            Assert.Equal(zoom, await graph.EvaluateAsync<double>("element => element._cyreg.cy.zoom()"), 3);
            await session.ScreenshotAsync("lineage-columns.png");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("lineage-columns-end.png");
        }
    }
}
