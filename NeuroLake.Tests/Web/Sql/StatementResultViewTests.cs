using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

/// <summary>One statement's result as the editor shows it, over results of real statements.</summary>
public sealed class StatementResultViewTests(WorkbenchAppFactory app) : MudComponentTest, IClassFixture<WorkbenchAppFactory>
{
    [Theory]
    [InlineData("EXPLAIN SELECT 42 AS answer")]
    [InlineData("EXPLAIN ANALYZE SELECT 42 AS answer")]
    public async Task Plans_render_as_monospace_text_not_a_grid(string sql)
    {
        var view = Show((await RunAsync(sql))[0]);

        Assert.Contains("PROJECTION", view.Find("pre[aria-label='Query plan']").TextContent);
        Assert.Empty(view.FindAll("[role=grid]"));
    }

    [Fact]
    public async Task Writes_say_how_many_rows_they_affected_and_what_they_were()
    {
        var schema = "view_" + Guid.NewGuid().ToString("N")[..8];
        var results = await RunAsync($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.t (x INT); INSERT INTO {schema}.t VALUES (1), (2)");

        var insert = Show(results[2]);
        Assert.Contains("2 rows affected.", insert.Markup);
        Assert.Contains("· Insert ·", insert.Markup);
        Assert.Contains("Done.", Show(results[0]).Markup);
    }

    [Fact]
    public async Task An_empty_result_says_so()
    {
        var view = Show((await RunAsync("SELECT 1 AS x WHERE false"))[0]);

        Assert.Contains("No rows.", view.Markup);
    }

    [Fact]
    public async Task A_result_opens_as_a_table_and_its_chart_tab_shows_the_chart_settings()
    {
        var view = Show((await RunAsync("SELECT 'a' AS label, 3 AS n UNION ALL SELECT 'b', 5"))[0]);
        Assert.Single(view.FindAll("[role=grid]"));

        view.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == "Chart").Click();

        Assert.Empty(view.FindAll("[role=grid]"));
        Assert.NotNull(view.Find("input[aria-label='Y column']"));
        Assert.Equal("n", view.Find("input[aria-label='Y column']").GetAttribute("value"));
        Assert.Equal("label", view.Find("input[aria-label='X column']").GetAttribute("value"));
    }

    private IRenderedComponent<StatementResultView> Show(StatementResult result) => Render<StatementResultView>(p => p
        .Add(v => v.Result, result)
        .Add(v => v.Grid, new ResultGridState(result.Columns, result.Rows))
        .Add(v => v.Chart, new ResultChartState(result.Columns, result.Rows))
        .Add(v => v.EditorLine, 1));

    private async Task<IReadOnlyList<StatementResult>> RunAsync(string sql) =>
        await app.Services.GetRequiredService<QueryService>().ExecuteAsync(sql, new QueryRequest("tester"));
}
