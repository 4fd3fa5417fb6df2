using System.Diagnostics;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

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
    /// <summary>URL-escaping can triple SQL's length; 2,000 characters stay well under Kestrel's 8 KB request line.</summary>
    public const int MaxDownloadSqlLength = 2_000;

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Dictionary<int, ResultGridState> _grids = [];
    private readonly Dictionary<int, ResultChartState> _charts = [];
    private TimeSpan? _elapsed;
    private IReadOnlyList<SqlStatement>? _statements;

    public QueryRunState(ScriptPart part) => Part = part;

    public ScriptPart Part { get; }

    /// <summary>Filled in by the query service while the run goes; polled by the page's ticker.</summary>
    public QueryProgress Progress { get; } = new();

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

    /// <summary>
    /// The text of statement <paramref name="index"/> for a download link (the export runs it again), or null when it is
    /// longer than <see cref="MaxDownloadSqlLength"/>: a link's request line must stay under the server's 8 KB limit.
    /// </summary>
    public string? DownloadSql(int index)
    {
        _statements ??= SqlScript.Parse(Part.Sql).Statements;
        var text = index < _statements.Count ? _statements[index].Text : null;
        return text is { Length: <= MaxDownloadSqlLength } ? text : null;
    }

    /// <summary>The grid of a result, created on first use so sorting and selection survive switching result tabs.</summary>
    public ResultGridState Grid(int index)
    {
        if (!_grids.TryGetValue(index, out var grid))
        {
            grid = _grids[index] = new ResultGridState(Results[index].Columns, Results[index].Rows);
        }

        return grid;
    }

    /// <summary>The chart settings of a result, created on first use so they survive switching result tabs.</summary>
    public ResultChartState Chart(int index)
    {
        if (!_charts.TryGetValue(index, out var chart))
        {
            chart = _charts[index] = new ResultChartState(Results[index].Columns, Results[index].Rows);
        }

        return chart;
    }

    private void Finish(RunStatus status, IReadOnlyList<StatementResult> results, RunError? error)
    {
        _elapsed = Stopwatch.GetElapsedTime(_started);
        (Status, Results, Error) = (status, results, error);
        _cancel.Dispose();
    }
}
