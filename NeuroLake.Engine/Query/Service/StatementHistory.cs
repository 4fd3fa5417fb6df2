using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Queues one history entry, one audit entry and one metered record per statement; a history, audit or meter that cannot
/// be written is logged, never the user's problem.
/// </summary>
internal sealed class StatementHistory(
    QueryHistoryStore? store, ILogger logger, TimeProvider clock, AuditLog? audit = null, StatementMetering? metering = null)
{
    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task RecordAsync(
        string user, string sql, DateTimeOffset started, QueryStatus status, long? rows = null, string? error = null,
        IReadOnlyList<TableVersion>? read = null, TableVersion? written = null, AuditedStatement? audited = null, WorkMeter? meter = null,
        string? kind = null)
    {
        await (metering?.RecordAsync(user, meter, kind ?? audited?.Kind?.ToString() ?? "Statement", status, read, written) ?? Task.CompletedTask);
        await AuditAsync(user, sql, status, error, read, written, audited);
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

    private async Task AuditAsync(
        string user, string sql, QueryStatus status, string? error, IReadOnlyList<TableVersion>? read, TableVersion? written, AuditedStatement? audited)
    {
        if (audit is null)
        {
            return;
        }

        // The statement's own table too: a dry run, an OPTIMIZE with nothing to do or a refused write commits no version.
        var tables = (read ?? []).Append(written).OfType<TableVersion>().Select(t => $"{t.Schema}.{t.Table}")
            .Append(audited?.Target).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        var outcome = status switch
        {
            QueryStatus.Error when audited?.WasDenied == true => AuditOutcome.Denied,
            QueryStatus.Ok => AuditOutcome.Succeeded,
            QueryStatus.Cancelled => AuditOutcome.Cancelled,
            _ => AuditOutcome.Failed,
        };
        try
        {
            await audit.QueueAsync(
                new AuditEvent(user, audited?.Action ?? AuditAction.Statement, string.Join(", ", tables), outcome, error is null ? sql : $"{sql}\n-- {error}"),
                e => QueryLog.AuditNotRecorded(logger, e, user));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            QueryLog.AuditNotRecorded(logger, e, user);
        }
    }
}
