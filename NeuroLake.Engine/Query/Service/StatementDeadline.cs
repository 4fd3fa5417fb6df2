namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The caller's cancellation joined with the service's statement timeout; tells the two apart afterwards, since a
/// timeout is the statement's failure while a cancel is the caller's choice.
/// </summary>
internal sealed class StatementDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;

    public StatementDeadline(TimeSpan timeout, CancellationToken caller)
    {
        _caller = caller;
        _timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _source.CancelAfter(timeout);
        }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout, not the caller, stopped the statement.</summary>
    public bool HasExpired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public string Reason =>
        $"The statement ran longer than the statement timeout ({_timeout:g}) and was stopped; nothing it would have written was committed. " +
        "Narrow it (filter, LIMIT, fewer joins) or ask an administrator to raise the statement timeout in Admin → Settings.";

    public void Dispose() => _source.Dispose();
}
