using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class StatementResultViewTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public StatementResultViewTests(WorkbenchAppFactory app) => _app = app;

    [Theory]
    [InlineData("EXPLAIN SELECT 42 AS answer")]
    [InlineData("EXPLAIN ANALYZE SELECT 42 AS answer")]
    public async Task Plans_render_as_monospace_text_not_a_grid(string sql)
    {
        var result = (await RunAsync(sql))[0];

        var html = await RenderAsync(result);

        Assert.Contains("<pre class=\"explain-plan", html);
        Assert.Contains("PROJECTION", html);
        Assert.DoesNotContain("role=\"grid\"", html);
    }

    [Fact]
    public async Task Writes_say_how_many_rows_they_affected()
    {
        var schema = "view_" + Guid.NewGuid().ToString("N")[..8];
        var results = await RunAsync($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.t (x INT); INSERT INTO {schema}.t VALUES (1), (2)");

        Assert.Contains("2 rows affected.", await RenderAsync(results[2]));
        Assert.Contains("Done.", await RenderAsync(results[0]));
    }

    [Fact]
    public async Task An_empty_result_says_so()
    {
        var result = (await RunAsync("SELECT 1 AS x WHERE false"))[0];

        Assert.Contains("No rows.", await RenderAsync(result));
    }

    private async Task<IReadOnlyList<StatementResult>> RunAsync(string sql) =>
        await _app.Services.GetRequiredService<QueryService>().ExecuteAsync(sql, new QueryRequest("tester"));

    private static async Task<string> RenderAsync(StatementResult result)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(StatementResultView.Result)] = result,
                [nameof(StatementResultView.Grid)] = new ResultGridState(result.Columns, result.Rows),
                [nameof(StatementResultView.EditorLine)] = 1,
            });
            return (await renderer.RenderComponentAsync<StatementResultView>(parameters)).ToHtmlString();
        });
    }
}
