using System.Text.Json;

namespace NeuroLake.Web.Api.Operations;

/// <summary>
/// One long operation on a table (OPTIMIZE, VACUUM, RESTORE) running in the background for <see cref="Owner"/>: its
/// state changes once, from Running to how it ended, under a lock so a poll never sees half of it.
/// </summary>
public sealed class TableOperation(Guid id, string kind, string table, string owner, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();

    public Guid Id { get; } = id;

    /// <summary>e.g. <c>optimize</c>, <c>vacuum</c>, <c>restore</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The table, <c>catalog.schema.table</c>.</summary>
    public string Table { get; } = table;

    /// <summary>Who started it: only they and administrators see or cancel it.</summary>
    public string Owner { get; } = owner;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public OperationStatus Status { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>What the statement answered (columns and rows), once it succeeded.</summary>
    public JsonElement? Result { get; private set; }

    /// <summary>Why it failed, in words that say what to do; null unless it failed.</summary>
    public OperationProblemJson? Problem { get; private set; }

    public bool IsFinished => Status != OperationStatus.Running;

    /// <summary>Cancelled when the caller cancels the operation or the app stops.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Asks the running statement to stop (DuckDB is interrupted); false when it has already ended.</summary>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (IsFinished)
            {
                return false;
            }

            _cancel.Cancel();
            return true;
        }
    }

    public void Finish(OperationStatus status, DateTimeOffset at, JsonElement? result = null, OperationProblemJson? problem = null)
    {
        lock (_gate)
        {
            (Status, FinishedAt, Result, Problem) = (status, at, result, problem);
        }
    }

    public OperationJson ToJson()
    {
        lock (_gate)
        {
            return new OperationJson(Id, Kind, Table, Owner, Status.ToString(), StartedAt, FinishedAt, Result, Problem);
        }
    }
}
