using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Usage;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Counts each successful statement's table reads and writes in the catalog's usage (which feeds recommendations and
/// impact analysis); a count that cannot be written is logged, never the user's problem.
/// </summary>
internal sealed class StatementUsage(UsageStore? store, string catalog, ILogger logger, TimeProvider clock)
{
    public async Task RecordAsync(string user, StatementResult result)
    {
        if (store is null || (result.TablesRead.Count == 0 && result.TableWritten is null))
        {
            return;
        }

        var reads = result.TablesRead.Select(PathOf).Distinct().ToList();
        IReadOnlyList<SecurablePath> writes = result.TableWritten is { } written ? [PathOf(written)] : [];
        try
        {
            // A dropped table is gone from the catalog: there is nothing left to count it against.
            if (result.Kind is not Syntax.StatementKind.DropTable)
            {
                // Queued, not awaited: the store counts in the background, many statements per transaction.
                await store.QueueAccessAsync(user, reads, writes, clock.GetUtcNow(), e => QueryLog.UsageNotRecorded(logger, e, user));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            QueryLog.UsageNotRecorded(logger, e, user);
        }
    }

    private SecurablePath PathOf(TableVersion table) => SecurablePath.ForTable(catalog, table.Schema, table.Table);
}
