using Bunit;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

/// <summary>The chart of a result: choosing the chart type and columns redraws the plotly figure with the grid's rows.</summary>
public sealed class ResultChartPanelTests : MudComponentTest
{
    private static readonly ResultColumn[] Columns = [new("city", "VARCHAR"), new("population", "BIGINT"), new("area", "DOUBLE"), new("founded", "DATE")];

    private static readonly object?[][] Rows =
    [
        ["Oslo", 709_000L, 454.0, new DateOnly(1048, 1, 1)],
        ["Lima", 10_000_000L, 2672.3, new DateOnly(1535, 1, 18)],
        ["Kyiv", null, 839.0, new DateOnly(482, 1, 1)],
    ];

    [Fact]
    public void The_chart_starts_as_bars_of_the_first_numeric_column_by_the_first_text_column()
    {
        var chart = Context.JSInterop.SetupModule("./Components/Pages/Sql/ResultChart.razor.js").SetupModule(i => i.Identifier == "init", false);

        var panel = RenderPanel();

        Assert.Equal("Bar", Shown(panel, "Chart type"));
        Assert.Equal("city", Shown(panel, "X column"));
        Assert.Equal("population", Shown(panel, "Y column"));
        var figure = Assert.IsType<ResultChartFigure>(chart.VerifyInvoke("draw").Arguments[0]);
        Assert.Equal(ResultChartKind.Bar, figure.Kind);
        Assert.Equal(["Oslo", "Lima", "Kyiv"], figure.X);
        Assert.Equal([709_000d, 10_000_000d, null], figure.Y);
        Assert.Equal("img", panel.Find("[aria-label^='Bar chart of population by city']").GetAttribute("role"));
    }

    [Fact]
    public void Choosing_a_line_chart_of_area_by_founding_date_redraws_along_the_dates()
    {
        var chart = Context.JSInterop.SetupModule("./Components/Pages/Sql/ResultChart.razor.js").SetupModule(i => i.Identifier == "init", false);
        var providers = RenderProviders();
        var panel = RenderPanel();

        Choose(providers, panel, "Chart type", "Line");
        Choose(providers, panel, "X column", "founded");
        Choose(providers, panel, "Y column", "area");

        panel.WaitForAssertion(() => Assert.Equal("area", Shown(panel, "Y column")));
        var figure = Assert.IsType<ResultChartFigure>(chart.Invocations["update"][^1].Arguments[0]);
        Assert.Equal(ResultChartKind.Line, figure.Kind);
        Assert.Equal(("founded", "area"), (figure.XTitle, figure.YTitle));
        Assert.Equal(["0482-01-01", "1048-01-01", "1535-01-18"], figure.X);
        Assert.Equal([839.0, 454.0, 2672.3], figure.Y);
    }

    [Fact]
    public void The_y_column_offers_only_numeric_columns()
    {
        var providers = RenderProviders();
        var panel = RenderPanel();

        Open(panel, "Y column");

        providers.WaitForAssertion(() => Assert.Equal(["population", "area"], Options(providers)));
    }

    [Fact]
    public void A_result_without_numbers_says_there_is_nothing_to_plot()
    {
        var panel = Render<ResultChartPanel>(p => p
            .Add(c => c.State, new ResultChartState([new("name", "VARCHAR")], [["a"], [null]]))
            .Add(c => c.Rows, [new GridRow(0, ["a"]), new GridRow(1, [null])]));

        Assert.Contains("No column of this result holds numbers", panel.Markup);
        Assert.Empty(panel.FindComponents<ResultChart>());
    }

    [Fact]
    public void A_capped_result_says_the_chart_has_only_the_grids_rows()
    {
        var panel = RenderPanel(hasMoreRows: true);

        Assert.Contains("The chart shows the first 3 rows, as the grid does; the result has more.", panel.Find("[role=note]").TextContent);
    }

    private IRenderedComponent<ResultChartPanel> RenderPanel(bool hasMoreRows = false)
    {
        var grid = new ResultGridState(Columns, Rows);
        return Render<ResultChartPanel>(p => p
            .Add(c => c.State, new ResultChartState(Columns, Rows))
            .Add(c => c.Rows, grid.View)
            .Add(c => c.HasMoreRows, hasMoreRows));
    }

    private static AngleSharp.Dom.IElement Select(IRenderedComponent<ResultChartPanel> panel, string label) =>
        panel.Find($"[role=combobox][aria-label='{label}']");

    /// <summary>What a select shows: its input's value, or its text when it renders the chosen item's content.</summary>
    private static string? Shown(IRenderedComponent<ResultChartPanel> panel, string label) =>
        Select(panel, label) is var select && select.TagName == "INPUT" ? select.GetAttribute("value") : select.TextContent.Trim();

    private static void Open(IRenderedComponent<ResultChartPanel> panel, string label) =>
        Select(panel, label).Closest(".mud-input-control")!.MouseDown();

    private static List<string> Options(IRenderedComponent<MudProviders> providers) =>
        providers.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()).ToList();

    private static void Choose(IRenderedComponent<MudProviders> providers, IRenderedComponent<ResultChartPanel> panel, string label, string option)
    {
        Open(panel, label);
        providers.WaitForAssertion(() => Assert.Contains(option, providers.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim())));
        providers.FindAll(".mud-popover-open .mud-list-item").First(o => o.TextContent.Trim() == option).Click();
    }
}
