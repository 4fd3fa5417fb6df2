using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class QueryRunStateTests
{
    [Fact]
    public void A_run_starts_running_and_a_success_selects_the_last_result()
    {
        var run = new QueryRunState(new ScriptPart("SELECT 1; SELECT 2", 1));
        Assert.True(run.IsRunning);

        run.Succeed([Result(0), Result(1)]);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.SelectedResult);
        Assert.False(run.IsRunning);
    }

    [Fact]
    public void Cancelling_signals_the_token_once_and_a_finished_run_ignores_it()
    {
        var run = new QueryRunState(new ScriptPart("SELECT 1", 1));
        var token = run.CancellationToken;

        run.Cancel();
        Assert.True(token.IsCancellationRequested);
        run.Cancelled();
        run.Cancel();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Empty(run.Results);
    }

    [Fact]
    public void A_failure_keeps_the_results_of_statements_that_finished_before_it()
    {
        var run = new QueryRunState(new ScriptPart("SELECT 1;\nSELECT nope", 3));

        run.Fail(new RunError("no such column", 4, 1), [Result(0)]);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(4, run.Error!.EditorLine);
        Assert.Single(run.Results);
    }

    [Fact]
    public void A_results_grid_keeps_its_sorting_across_result_tabs()
    {
        var run = new QueryRunState(new ScriptPart("SELECT 1", 1));
        run.Succeed([Result(0)]);

        run.Grid(0).ToggleSort(0);

        Assert.Same(run.Grid(0), run.Grid(0));
        Assert.Equal(GridSort.Ascending, run.Grid(0).Sort);
    }

    private static StatementResult Result(int index) => new(
        index, index + 1, StatementKind.Query, [new ResultColumn("x", "INTEGER")], [[2], [1]], false, null, TimeSpan.Zero, []);
}
