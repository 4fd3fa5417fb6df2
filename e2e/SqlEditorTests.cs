using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NeuroLake.E2E;

[Collection(WorkbenchCollection.Name)]
public sealed class SqlEditorTests(WorkbenchAppFixture app)
{
    [ChromiumFact]
    public async Task Create_a_table_query_it_with_autocomplete_sort_download_cancel_a_long_query_and_rerun_from_history()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        var step = "open";
        try
        {
            await OpenEditorAsync(page);

            step = "create";
            await TypeAsync(page, "CREATE SCHEMA e2e_sql;\nCREATE TABLE e2e_sql.cities (id INT, name VARCHAR);\n" +
                                  "INSERT INTO e2e_sql.cities VALUES (3, 'Oslo'), (1, 'Lima'), (2, 'Kyiv');\n" +
                                  "CREATE TABLE e2e_sql.big AS SELECT range AS x FROM range(2000000);");
            await page.Keyboard.PressAsync("Control+Shift+Enter");
            await Expect(RunStatus(page)).ToContainTextAsync("Done", new() { Timeout = 60_000 });
            await page.GetByRole(AriaRole.Tab, new() { Name = "3: Insert" }).ClickAsync();
            await Expect(page.GetByText("3 rows affected").First).ToBeVisibleAsync();

            step = "autocomplete";
            await page.GetByRole(AriaRole.Button, new() { Name = "New editor tab" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Query 2" })).ToHaveAttributeAsync("aria-selected", "true");
            await TypeAsync(page, "SELECT id, name FROM e2e_sql.cit");
            var completion = page.Locator(".cm-tooltip-autocomplete").GetByText("cities");
            await Expect(completion).ToBeVisibleAsync();
            await completion.ClickAsync();
            await Expect(Editor(page)).ToContainTextAsync("FROM e2e_sql.cities");

            step = "run";
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(RunStatus(page)).ToContainTextAsync("Done");
            var grid = page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" });
            await Expect(DataRows(grid)).ToHaveCountAsync(3);
            await Expect(FirstCell(grid, 2)).ToHaveTextAsync("Oslo");

            step = "sort";
            await grid.GetByRole(AriaRole.Button, new() { Name = "name" }).ClickAsync();
            await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "name" })).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(FirstCell(grid, 2)).ToHaveTextAsync("Kyiv");
            await grid.GetByRole(AriaRole.Button, new() { Name = "name" }).ClickAsync();
            await Expect(FirstCell(grid, 2)).ToHaveTextAsync("Oslo");

            step = "copy";
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await FirstCell(grid, 2).ClickAsync();
            await Expect(FirstCell(grid, 2)).ToHaveAttributeAsync("aria-selected", "true");
            await page.Keyboard.PressAsync("ArrowLeft");
            await Expect(FirstCell(grid, 1)).ToHaveAttributeAsync("aria-selected", "true");
            await page.Keyboard.PressAsync("Control+c");
            // The notice, not any text containing "copied" (another test's xss.copied table may be in the history).
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied the" })).ToBeVisibleAsync();
            // The clipboard write completes after the "Copied" notice on a loaded machine: wait for it, briefly.
            await page.WaitForFunctionAsync("async () => (await navigator.clipboard.readText()) === '3'", null, new() { Timeout = 5_000 });
            await session.ScreenshotAsync("sql-editor-sorted.png");

            step = "download";
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download the full result as CSV" }).ClickAsync());
            var file = Path.Combine(Path.GetTempPath(), "neurolake-e2e-" + Guid.NewGuid().ToString("N") + ".csv");
            await download.SaveAsAsync(file);
            try
            {
                Assert.EndsWith(".csv", download.SuggestedFilename);
                Assert.Equal(["id,name", "3,Oslo", "1,Lima", "2,Kyiv"], (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0));
            }
            finally
            {
                File.Delete(file);
            }

            step = "error";
            await ReplaceTextAsync(page, "SELECT 1;\nSELECT no_such_column FROM e2e_sql.cities");
            await page.Keyboard.PressAsync("Control+Shift+Enter");
            var alert = page.GetByRole(AriaRole.Alert);
            await Expect(alert).ToContainTextAsync("Statement 2, line 2");
            await Expect(alert).ToContainTextAsync("no_such_column");
            await session.ScreenshotAsync("sql-editor-error.png");

            step = "advice";
            await ReplaceTextAsync(page, "SELECT a.id FROM e2e_sql.cities a CROSS JOIN e2e_sql.cities b");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(page.GetByRole(AriaRole.Note, new() { Name = "Advisor: cross-join" })).ToContainTextAsync("cross joins");
            await session.ScreenshotAsync("sql-editor-advice.png");

            step = "cancel";
            // Runs for hours uncancelled; DuckDB reports progress on table scans (not on range()), hence the table.
            await ReplaceTextAsync(page, "SELECT count(*) FROM e2e_sql.big a, e2e_sql.big b WHERE (a.x * 31 + b.x) % 1000003 = 7");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(RunStatus(page)).ToContainTextAsync("Running");
            await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Progress of the running statement" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await session.ScreenshotAsync("sql-editor-running.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(RunStatus(page)).ToContainTextAsync("Cancelled", new() { Timeout = 30_000 });

            step = "history";
            var history = page.GetByRole(AriaRole.List, new() { Name = "Query history" });
            await Expect(history.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Cancelled");
            await Expect(history.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("e2e_sql.big a, e2e_sql.big b");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search history" }).FillAsync("no statement has this");
            await Expect(page.GetByText("No statement matches.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search history" }).FillAsync("cities");
            // Two entries: the run, and the export that ran it again for the download.
            var selectEntry = history.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "SELECT id, name FROM e2e_sql.cities" });
            await Expect(selectEntry).ToHaveCountAsync(2);
            selectEntry = selectEntry.First;
            await selectEntry.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Query 3" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(DataRows(page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" }))).ToHaveCountAsync(3);
            await session.ScreenshotAsync("sql-editor-history.png");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Query 2" }).ClickAsync();
            // The tab's text shows after the switch is saved: reloading earlier would race the save.
            await Expect(Editor(page)).ToContainTextAsync("e2e_sql.big a, e2e_sql.big b");

            step = "reload";
            await page.ReloadAsync();
            await Expect(RunAll(page)).ToBeEnabledAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Query 1" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Query 2" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(Editor(page)).ToContainTextAsync("e2e_sql.big a, e2e_sql.big b");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync($"sql-editor-{step}.png");
        }
    }

    [ChromiumFact]
    public async Task Ten_thousand_rows_render_only_the_visible_ones_and_scroll_to_the_last()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await OpenEditorAsync(page);
            await NewTabAsync(page, "Query 2");
            await TypeAsync(page, "SELECT range AS n, 'row ' || range AS label FROM range(10000)");
            await page.Keyboard.PressAsync("Control+Enter");
            var grid = page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" });
            await Expect(grid).ToHaveAttributeAsync("aria-rowcount", "10001");
            await Expect(FirstCell(grid, 2)).ToHaveTextAsync("row 0");

            Assert.InRange(await DataRows(grid).CountAsync(), 1, 200);
            await grid.EvaluateAsync("element => element.scrollTop = element.scrollHeight");
            await Expect(grid.GetByRole(AriaRole.Gridcell, new() { Name = "row 9999", Exact = true })).ToBeVisibleAsync();
            Assert.InRange(await DataRows(grid).CountAsync(), 1, 200);
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("sql-editor-10000-rows.png");
        }
    }

    [ChromiumFact]
    public async Task Autocomplete_offers_duckdb_words_and_never_internal_parser_tokens()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await OpenEditorAsync(page);
            await NewTabAsync(page, "Query 2");
            await TypeAsync(page, "SELECT list_val");
            var completions = page.Locator(".cm-tooltip-autocomplete");
            await Expect(completions.GetByText("list_value", new() { Exact = true })).ToBeVisibleAsync();

            await ReplaceTextAsync(page, "SELECT 1 wh");
            await Expect(completions.GetByText("WHERE", new() { Exact = true })).ToBeVisibleAsync();
            // The open list holds every word starting with "wh": DuckDB's parser knows WHITESPACE, the editor does not offer it.
            await Expect(completions).Not.ToContainTextAsync("WHITESPACE");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("sql-editor-autocomplete.png");
        }
    }

    [ChromiumFact]
    public async Task A_result_is_charted_as_a_scatter_of_the_chosen_columns()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await OpenEditorAsync(page);
            await NewTabAsync(page, "Query 2");
            await TypeAsync(page, "SELECT 'p' || range AS label, range AS n, range * range AS square FROM range(7)");
            await page.Keyboard.PressAsync("Control+Enter");
            await Expect(DataRows(page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" }))).ToHaveCountAsync(7);

            await page.GetByRole(AriaRole.Tab, new() { Name = "Chart", Exact = true }).ClickAsync();
            await ChooseAsync(page, "Chart type", "Scatter");
            await ChooseAsync(page, "X column", "n");
            await ChooseAsync(page, "Y column", "square");

            var chart = page.GetByRole(AriaRole.Img, new() { Name = "Scatter chart of square by n: 7 points" });
            await Expect(chart).ToBeVisibleAsync();
            // Plotly draws one marker path per point.
            await Expect(chart.Locator(".scatterlayer .point")).ToHaveCountAsync(7);
            await session.ScreenshotAsync("sql-editor-chart.png");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Table", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" })).ToBeVisibleAsync();
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("sql-editor-chart-end.png");
        }
    }

    [ChromiumFact]
    public async Task At_820_pixels_the_drawer_is_closed_and_the_editor_and_grid_fit_the_page()
    {
        await using var session = await BrowserSession.OpenAsync(app);
        var page = session.Page;
        try
        {
            await page.SetViewportSizeAsync(820, 1000);
            await OpenEditorAsync(page);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToHaveAttributeAsync("aria-expanded", "false");

            await NewTabAsync(page, "Query 2");
            await TypeAsync(page, "SELECT range AS n, 'a fairly long text value ' || range AS description, range * 2.5 AS amount FROM range(50)");
            await page.Keyboard.PressAsync("Control+Enter");
            var grid = page.GetByRole(AriaRole.Grid, new() { Name = "Results of statement 1" });
            await Expect(FirstCell(grid, 1)).ToHaveTextAsync("0");

            var editor = await Editor(page).BoundingBoxAsync();
            var gridBox = await grid.BoundingBoxAsync();
            Assert.NotNull(editor);
            Assert.NotNull(gridBox);
            Assert.True(editor.Width >= 600, $"The editor is {editor.Width}px wide at 820px.");
            Assert.True(gridBox.X >= 0 && gridBox.X + gridBox.Width <= 820, $"The grid spans {gridBox.X}..{gridBox.X + gridBox.Width}px, outside 820px.");
            Assert.Equal(820, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

            await FirstCell(grid, 2).ClickAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(DataRows(grid).Nth(1).GetByRole(AriaRole.Gridcell).Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
            session.AssertNoConsoleErrors();
        }
        finally
        {
            await session.ScreenshotAsync("sql-editor-820px.png");
        }
    }

    /// <summary>Opens a tab and waits until it shows: typing earlier would land in the tab being left.</summary>
    private static async Task NewTabAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New editor tab" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = title })).ToHaveAttributeAsync("aria-selected", "true");
    }

    private static Task ChooseAsync(IPage page, string select, string option) => SelectOption.ChooseAsync(page, select, option);

    private static async Task OpenEditorAsync(IPage page)
    {
        await page.GotoAsync("/sql");
        await Expect(RunAll(page)).ToBeEnabledAsync();
    }

    private static ILocator RunAll(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Run all" });

    private static ILocator RunStatus(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Run status" });

    private static ILocator Editor(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "SQL editor" });

    private static ILocator DataRows(ILocator grid) =>
        grid.GetByRole(AriaRole.Row).Filter(new() { Has = grid.Page.GetByRole(AriaRole.Gridcell) });

    private static ILocator FirstCell(ILocator grid, int column) => DataRows(grid).First.GetByRole(AriaRole.Gridcell).Nth(column - 1);

    /// <summary>Types like a user; CodeMirror closes brackets and quotes itself, so only what is typed is checked.</summary>
    private static async Task TypeAsync(IPage page, string text)
    {
        await Editor(page).ClickAsync();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                // Escape first: Enter would accept an open completion.
                await page.Keyboard.PressAsync("Escape");
                await page.Keyboard.PressAsync("End");
                await page.Keyboard.PressAsync("Enter");
            }

            await page.Keyboard.TypeAsync(lines[i]);
        }
    }

    private static async Task ReplaceTextAsync(IPage page, string text)
    {
        await Editor(page).ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.PressAsync("Delete");
        await TypeAsync(page, text);
    }
}
