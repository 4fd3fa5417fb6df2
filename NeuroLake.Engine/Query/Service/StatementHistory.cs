using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.History;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Queues one history entry per statement; a history that cannot be written is logged, never the user's problem.</summary>
internal sealed class StatementHistory(QueryHistoryStore? store, ILogger logger, TimeProvider clock)
{
    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task RecordAsync(
        string user, string sql, DateTimeOffset started, QueryStatus status, long? rows = null, string? error = null,
        IReadOnlyList<TableVersion>? read = null, TableVersion? written = null)
    {
        if (store is null)
        {
            return;
        }

        var finished = clock.GetUtcNow();
        try
        {
            // Queued, not awaited: the store writes in the background and its searches wait for what is queued.
            // Recorded even when the caller cancelled: the statement's outcome is what the history is for.
            await store.QueueAsync(
                new QueryHistoryEntry(Guid.NewGuid(), user, sql, started, finished, finished - started, rows, status, error, read ?? [], written is null ? [] : [written]),
                e => QueryLog.HistoryNotRecorded(logger, e, user));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            QueryLog.HistoryNotRecorded(logger, e, user);
        }
    }
}
