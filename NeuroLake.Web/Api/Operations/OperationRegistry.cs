using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Api.Operations;

/// <summary>
/// The long table operations this process runs for API callers, in memory: a restart forgets them (the statement's
/// effect is in the table's history either way). Bounded: finished operations are kept for <see cref="Retention"/>,
/// and at <see cref="Capacity"/> the oldest finished one makes room; when all are still running a new one is refused.
/// Each runs on the thread pool with its own cancellation, also cancelled when the app stops.
/// </summary>
public sealed partial class OperationRegistry(
    IHostApplicationLifetime lifetime, IOptions<NeuroLakeOptions> options, ILogger<OperationRegistry> logger, TimeProvider time)
{
    public const int Capacity = 200;

    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, TableOperation> _operations = new();
    private readonly Lock _starting = new();

    /// <summary>Starts <paramref name="work"/> for <paramref name="owner"/> and returns at once with the running operation.</summary>
    /// <exception cref="OperationLimitException">As many operations as the registry holds are still running.</exception>
    public TableOperation Start(string owner, string kind, string table, Func<CancellationToken, Task<JsonElement>> work)
    {
        TableOperation operation;
        lock (_starting)
        {
            Prune();
            if (_operations.Count >= Capacity)
            {
                throw new OperationLimitException($"{Capacity} operations are running on this server: wait for one to finish (poll it), then try again.");
            }

            operation = new TableOperation(Guid.NewGuid(), kind, table, owner, time.GetUtcNow());
            _operations[operation.Id] = operation;
        }

        _ = Task.Run(() => RunAsync(operation, work));
        return operation;
    }

    /// <summary>The operation when <paramref name="user"/> started it or administers (<paramref name="isAdmin"/>); null otherwise, as for an unknown id.</summary>
    public TableOperation? Find(Guid id, string user, bool isAdmin) =>
        _operations.TryGetValue(id, out var operation) && (isAdmin || string.Equals(operation.Owner, user, StringComparison.OrdinalIgnoreCase)) ? operation : null;

    /// <summary>The operations <paramref name="user"/> may see, newest first.</summary>
    public IReadOnlyList<TableOperation> List(string user, bool isAdmin) =>
        _operations.Values.Where(o => isAdmin || string.Equals(o.Owner, user, StringComparison.OrdinalIgnoreCase)).OrderByDescending(o => o.StartedAt).ToList();

    private async Task RunAsync(TableOperation operation, Func<CancellationToken, Task<JsonElement>> work)
    {
        using var stopping = lifetime.ApplicationStopping.Register(() => operation.Cancel());
        try
        {
            var result = await work(operation.Token);
            operation.Finish(OperationStatus.Succeeded, time.GetUtcNow(), result);
        }
        catch (OperationCanceledException)
        {
            operation.Finish(OperationStatus.Cancelled, time.GetUtcNow());
        }
        catch (NeuroLakeException e) when (ApiProblems.From(e, options.Value) is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails: var details })
        {
            operation.Finish(OperationStatus.Failed, time.GetUtcNow(), problem: new OperationProblemJson(details.Title ?? "Failed", details.Detail ?? e.Message, details.Status ?? 400));
        }
#pragma warning disable CA1031 // A background operation must end in a state the caller can poll, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, operation.Kind, operation.Table);
            operation.Finish(OperationStatus.Failed, time.GetUtcNow(),
                problem: new OperationProblemJson("Internal error", "The operation failed on the server; the server's log says why.", StatusCodes.Status500InternalServerError));
        }
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - Retention;
        var finished = _operations.Values.Where(o => o.IsFinished).OrderBy(o => o.FinishedAt).ToList();
        foreach (var old in finished.Where(o => o.FinishedAt < cutoff || _operations.Count >= Capacity))
        {
            _operations.TryRemove(old.Id, out _);
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Error, Message = "The {Kind} of {Table} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string kind, string table);
}

/// <summary>The registry is full of running operations; the message says to wait.</summary>
public sealed class OperationLimitException(string message) : NeuroLakeException(message);
