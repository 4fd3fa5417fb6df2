using System.Diagnostics;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>An error to show in place: the message and, when known, the editor line of the statement that caused it.</summary>
public sealed record RunError(string Message, int? EditorLine, int? StatementIndex);

/// <summary>
/// One run of the editor's SQL: the piece that ran, its status, how long it took, the result of every statement that
/// finished, the selected result tab and each result's grid state.
/// </summary>
public sealed class QueryRunState
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Dictionary<int, ResultGridState> _grids = [];
    private TimeSpan? _elapsed;

    public QueryRunState(ScriptPart part) => Part = part;

    public ScriptPart Part { get; }

    public RunStatus Status { get; private set; } = RunStatus.Running;

    public bool IsRunning => Status == RunStatus.Running;

    public CancellationToken CancellationToken => _cancel.Token;

    public TimeSpan Elapsed => _elapsed ?? Stopwatch.GetElapsedTime(_started);

    public IReadOnlyList<StatementResult> Results { get; private set; } = [];

    public RunError? Error { get; private set; }

    /// <summary>Index into <see cref="Results"/> of the result tab shown.</summary>
    public int SelectedResult { get; set; }

    public void Cancel()
    {
        if (IsRunning)
        {
            _cancel.Cancel();
        }
    }

    public void Succeed(IReadOnlyList<StatementResult> results)
    {
        Finish(RunStatus.Succeeded, results, null);
        SelectedResult = Math.Max(0, results.Count - 1);
    }

    /// <summary>The run failed: <paramref name="completed"/> are the statements that finished before it.</summary>
    public void Fail(RunError error, IReadOnlyList<StatementResult>? completed = null) => Finish(RunStatus.Failed, completed ?? [], error);

    public void Cancelled() => Finish(RunStatus.Cancelled, [], null);

    /// <summary>The grid of a result, created on first use so sorting and selection survive switching result tabs.</summary>
    public ResultGridState Grid(int index)
    {
        if (!_grids.TryGetValue(index, out var grid))
        {
            grid = _grids[index] = new ResultGridState(Results[index].Columns, Results[index].Rows);
        }

        return grid;
    }

    private void Finish(RunStatus status, IReadOnlyList<StatementResult> results, RunError? error)
    {
        _elapsed = Stopwatch.GetElapsedTime(_started);
        (Status, Results, Error) = (status, results, error);
        _cancel.Dispose();
    }
}
