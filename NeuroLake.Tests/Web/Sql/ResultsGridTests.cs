using Bunit;
using Microsoft.AspNetCore.Components.Web;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

/// <summary>The results grid as a user drives it: header clicks sort, cells are selected by click and arrow keys, copy goes to the clipboard.</summary>
public sealed class ResultsGridTests : MudComponentTest
{
    private static readonly ResultColumn[] Columns = [new("id", "INTEGER"), new("city", "VARCHAR"), new("population", "BIGINT")];

    private IRenderedComponent<ResultsGrid> RenderGrid() => Render<ResultsGrid>(p => p
        .Add(g => g.State, new ResultGridState(Columns,
        [
            [3, "Oslo", 9L],
            [1, null, 100L],
            [2, "Kyiv", null],
            [4, "Lima\tPeru", 10L],
        ]))
        .Add(g => g.Label, "Results of statement 1"));

    [Fact]
    public void Clicking_a_header_sorts_ascending_then_descending_then_back_to_the_query_order()
    {
        var grid = RenderGrid();

        ClickHeader(grid, "id");
        Assert.Equal("ascending", Header(grid, "id").GetAttribute("aria-sort"));
        Assert.Equal(["1", "2", "3", "4"], Column(grid, 0));

        ClickHeader(grid, "id");
        Assert.Equal("descending", Header(grid, "id").GetAttribute("aria-sort"));
        Assert.Equal(["4", "3", "2", "1"], Column(grid, 0));

        ClickHeader(grid, "id");
        Assert.Equal("none", Header(grid, "id").GetAttribute("aria-sort"));
        Assert.Equal(["3", "1", "2", "4"], Column(grid, 0));
    }

    [Fact]
    public void Numbers_sort_as_numbers_and_nulls_stay_last_both_ways()
    {
        var grid = RenderGrid();

        ClickHeader(grid, "population");
        Assert.Equal(["9", "10", "100", "NULL"], Column(grid, 2));

        ClickHeader(grid, "population");
        Assert.Equal(["100", "10", "9", "NULL"], Column(grid, 2));

        ClickHeader(grid, "city");
        Assert.Equal(["Kyiv", "Lima\tPeru", "Oslo", "NULL"], Column(grid, 1));
    }

    [Fact]
    public void Copy_cell_puts_the_selected_cells_text_on_the_clipboard_after_arrow_key_moves()
    {
        var grid = RenderGrid();

        grid.FindAll("[role=gridcell]")[1].Click();
        grid.Find("[role=grid]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        grid.Find("[role=grid]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal("true", Cell(grid, 1, 2).GetAttribute("aria-selected"));
        grid.Find("[role=grid]").KeyDown(new KeyboardEventArgs { Key = "c", CtrlKey = true });

        var copy = Context.JSInterop.VerifyInvoke("navigator.clipboard.writeText");
        Assert.Equal("100", copy.Arguments[0]);
        grid.WaitForAssertion(() => Assert.Contains("Copied the cell", grid.Find("[role=status]").TextContent));
    }

    [Fact]
    public void Copy_row_puts_the_row_on_the_clipboard_as_tab_separated_values()
    {
        var grid = RenderGrid();

        Cell(grid, 3, 0).Click();
        Button(grid, "Copy row").Click();
        Cell(grid, 1, 0).Click();
        grid.Find("[role=grid]").KeyDown(new KeyboardEventArgs { Key = "C", CtrlKey = true, ShiftKey = true });

        var copies = Context.JSInterop.VerifyInvoke("navigator.clipboard.writeText", calledTimes: 2);
        // A tab inside a value is quoted; NULL is an empty field.
        Assert.Equal("4\t\"Lima\tPeru\"\t10", copies[0].Arguments[0]);
        Assert.Equal("1\t\t100", copies[1].Arguments[0]);
    }

    [Fact]
    public void Copy_buttons_wait_for_a_selected_cell()
    {
        var grid = RenderGrid();

        Assert.True(Button(grid, "Copy cell").HasAttribute("disabled"));
        Assert.True(Button(grid, "Copy row").HasAttribute("disabled"));
        Cell(grid, 0, 0).Click();
        Assert.False(Button(grid, "Copy cell").HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<ResultsGrid> grid, string name) =>
        grid.FindAll("[role=columnheader]").Single(h => h.QuerySelector("button")!.TextContent.Trim() == name);

    private static void ClickHeader(IRenderedComponent<ResultsGrid> grid, string name) => Header(grid, name).QuerySelector("button")!.Click();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ResultsGrid> grid, string text) =>
        grid.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<ResultsGrid> grid, int row, int column) =>
        grid.FindAll("tbody tr[role=row]")[row].QuerySelectorAll("[role=gridcell]")[column];

    private static List<string> Column(IRenderedComponent<ResultsGrid> grid, int column) =>
        grid.FindAll("tbody tr[role=row]").Select(r => r.QuerySelectorAll("[role=gridcell]")[column].TextContent).ToList();
}
