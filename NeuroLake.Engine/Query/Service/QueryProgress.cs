using NeuroLake.Engine.Admission;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// How far a running script is: which statement, what it is doing, and DuckDB's estimate for it. Written by the
/// query service, read by the caller from any thread while <see cref="QueryService.ExecuteAsync"/> or
/// <see cref="QueryService.ExportAsync"/> runs.
/// </summary>
public sealed class QueryProgress
{
    private readonly Lock _gate = new();
    private DuckDbActivity? _activity;
    private double? _percent;
    private int _statementIndex;
    private int _statementCount;
    private string? _phase;
    private AdmissionWait? _queued;

    /// <summary>
    /// Percent (0–100) of the running statement from DuckDB's query progress; null before DuckDB reports any
    /// (catalog lookups, Delta log reads and commits have none). It does not go backwards within a statement.
    /// </summary>
    public double? Percent
    {
        get
        {
            lock (_gate)
            {
                if (_activity?.Progress is { } now && (_percent is null || now > _percent))
                {
                    _percent = now;
                }

                return _percent;
            }
        }
    }

    /// <summary>Zero-based index of the running (or last run) statement.</summary>
    public int StatementIndex
    {
        get
        {
            lock (_gate)
            {
                return _statementIndex;
            }
        }
    }

    /// <summary>Statements in the script (1 for an export); 0 until it is parsed.</summary>
    public int StatementCount
    {
        get
        {
            lock (_gate)
            {
                return _statementCount;
            }
        }
    }

    /// <summary>What the statement is doing: <c>queued</c>, <c>reading</c>, <c>writing</c>, <c>exporting</c>, or <c>done</c>; null before it starts.</summary>
    public string? Phase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    /// <summary>
    /// While the running statement waits for a slot (admission control): 1 when it is next to run among the work
    /// competing for its slots. Null when it is not waiting.
    /// </summary>
    public int? QueuedPosition
    {
        get
        {
            lock (_gate)
            {
                return _queued?.Position;
            }
        }
    }

    /// <summary>The workload class the statement waits for a slot of, while <see cref="QueuedPosition"/> is set.</summary>
    public Metering.WorkloadClass? QueuedFor
    {
        get
        {
            lock (_gate)
            {
                return _queued?.Position is null ? null : _queued.Workload;
            }
        }
    }

    internal void Queue(AdmissionWait wait)
    {
        lock (_gate)
        {
            _queued = wait;
            _phase = "queued";
        }
    }

    internal void Start(int index, int count, string phase, DuckDbActivity activity)
    {
        lock (_gate)
        {
            _statementIndex = index;
            _statementCount = count;
            _phase = phase;
            _percent = null;
            _activity = activity;
            _queued = null;
        }
    }

    internal void Enter(string phase)
    {
        lock (_gate)
        {
            _phase = phase;
            _queued = null;
        }
    }

    /// <summary>The statement ran to the end: 100 %, whatever DuckDB last estimated.</summary>
    internal void Completed()
    {
        lock (_gate)
        {
            _percent = 100;
            _phase = "done";
            _activity = null;
        }
    }
}
