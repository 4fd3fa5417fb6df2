using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Engine.Catalog.History;

/// <summary>Per-user query history: one entry per statement the query service ran, searchable by user, text and status.</summary>
public sealed class QueryHistoryStore : IAsyncDisposable, IDisposable
{
    private const int MaxLimit = 10_000;
    private const int RecentQueuedCapacity = 1_000;
    private static readonly TimeSpan RecentRefresh = TimeSpan.FromSeconds(1);
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly WriteBehind<QueryHistoryEntry> _pending;
    private readonly ConcurrentDictionary<Guid, QueryHistoryEntry> _unwritten = new();
    private readonly Queue<QueryHistoryEntry> _recentQueued = new();
    private RecentRead? _recentRead;

    internal QueryHistoryStore(IDbContextFactory<CatalogDbContext> factory)
    {
        _factory = factory;
        _pending = new WriteBehind<QueryHistoryEntry>(WrittenAsync, entry => WrittenAsync([entry]));
    }

    /// <summary>Stores <paramref name="entry"/>; its id must be new.</summary>
    public async Task RecordAsync(QueryHistoryEntry entry, CancellationToken ct = default)
    {
        Validate(entry);
        await WriteAsync([entry], ct);
    }

    /// <summary>
    /// Stores <paramref name="entry"/> in the background, batched with others (the query service's path: a statement's
    /// result does not wait for its history). Searches see it at once; <paramref name="failed"/> hears why if it is never stored.
    /// </summary>
    /// <exception cref="CatalogException">The entry is invalid (checked now).</exception>
    public ValueTask QueueAsync(QueryHistoryEntry entry, Action<Exception>? failed = null)
    {
        Validate(entry);
        _unwritten[entry.Id] = entry;
        lock (_recentQueued)
        {
            _recentQueued.Enqueue(entry);
            while (_recentQueued.Count > RecentQueuedCapacity)
            {
                _recentQueued.Dequeue();
            }
        }

        return _pending.QueueAsync(entry, failed);
    }

    /// <summary>Writes queued entries; they leave the unwritten set once committed, or once their write failed for good.</summary>
    private async Task WrittenAsync(IReadOnlyList<QueryHistoryEntry> entries)
    {
        var written = false;
        try
        {
            await WriteAsync(entries);
            written = true;
        }
        finally
        {
            // A failed batch is retried entry by entry, which still needs them; a failed single entry is given up.
            if (written || entries.Count == 1)
            {
                foreach (var entry in entries)
                {
                    _unwritten.TryRemove(entry.Id, out _);
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _pending.DisposeAsync();

    public void Dispose() => _pending.Dispose();

    private static void Validate(QueryHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.User) || entry.User.Length > 256)
        {
            CatalogThrow.Invalid("Query history needs the user's name (1–256 characters): pass who ran the statement.");
        }
    }

    private async Task WriteAsync(IReadOnlyList<QueryHistoryEntry> entries, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.QueryHistory.AddRange(entries.Select(entry => new QueryHistoryRecord
        {
            Id = entry.Id,
            UserName = entry.User,
            Sql = entry.Sql,
            SearchText = entry.Sql.ToLowerInvariant(),
            StartedAt = entry.StartedAt,
            StartedTicks = entry.StartedAt.UtcTicks,
            FinishedAt = entry.FinishedAt,
            DurationTicks = entry.Duration.Ticks,
            Rows = entry.Rows,
            Status = entry.Status,
            Error = entry.Error,
            TablesReadJson = JsonColumn.Write(entry.TablesRead),
            TablesWrittenJson = JsonColumn.Write(entry.TablesWritten),
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Entries matching every given criterion, newest first.</summary>
    public async Task<IReadOnlyList<QueryHistoryEntry>> SearchAsync(QueryHistorySearch search, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Limit is < 1 or > MaxLimit)
        {
            CatalogThrow.Invalid($"A history search returns 1 to {MaxLimit} entries; the limit was {search.Limit}.");
        }

        // Queued entries are part of the history without waiting for their write: taken before the database is read,
        // and dropped from the queue only once committed, so an entry being written is found in one or the other.
        var queued = _unwritten.Values.Where(e => Matches(search, e)).ToList();
        await using var db = await _factory.CreateDbContextAsync(ct);
        var query = db.QueryHistory.AsNoTracking();
        if (search.User is { } user)
        {
            query = query.Where(h => h.UserName == user);
        }

        if (!string.IsNullOrEmpty(search.Text))
        {
            var text = search.Text.ToLowerInvariant();
            query = query.Where(h => h.SearchText.Contains(text));
        }

        if (search.Status is { } status)
        {
            query = query.Where(h => h.Status == status);
        }

        var records = await query.OrderByDescending(h => h.StartedTicks).ThenByDescending(h => h.Id).Take(search.Limit).ToListAsync(ct);
        return records.Select(ToEntry).Concat(queued).DistinctBy(e => e.Id)
            .OrderByDescending(e => e.StartedAt.UtcTicks).ThenByDescending(e => e.Id).Take(search.Limit).ToList();
    }

    /// <summary>
    /// The newest successful entries (at most <paramref name="limit"/>), answered mostly from memory for callers that
    /// ask on every statement (the advisor's Z-order rule): entries this process queued are in it at once, entries
    /// other processes wrote once the database is read again, at most once every <see cref="RecentRefresh"/>.
    /// </summary>
    public async Task<IReadOnlyList<QueryHistoryEntry>> RecentSuccessesAsync(int limit, CancellationToken ct = default)
    {
        var read = _recentRead;
        if (read is null || read.Limit < limit || DateTimeOffset.UtcNow - read.At > RecentRefresh)
        {
            var at = DateTimeOffset.UtcNow;
            read = _recentRead = new RecentRead(at, limit, await SearchAsync(new QueryHistorySearch(Status: QueryStatus.Ok, Limit: limit), ct));
        }

        QueryHistoryEntry[] queued;
        lock (_recentQueued)
        {
            queued = [.. _recentQueued];
        }

        // Entries are queued as their statements end, so the last `limit` successes queued are the newest but for a
        // long statement overtaken by many short ones; merging only those keeps this cheap on every statement.
        var newest = new List<QueryHistoryEntry>(Math.Min(limit, queued.Length));
        for (var i = queued.Length - 1; i >= 0 && newest.Count < limit; i--)
        {
            if (queued[i].Status == QueryStatus.Ok)
            {
                newest.Add(queued[i]);
            }
        }

        return read.Entries.Concat(newest).DistinctBy(e => e.Id)
            .OrderByDescending(e => e.StartedAt.UtcTicks).ThenByDescending(e => e.Id).Take(limit).ToList();
    }

    private static bool Matches(QueryHistorySearch search, QueryHistoryEntry entry) =>
        (search.User is null || entry.User == search.User)
        && (string.IsNullOrEmpty(search.Text) || entry.Sql.ToLowerInvariant().Contains(search.Text.ToLowerInvariant(), StringComparison.Ordinal))
        && (search.Status is null || entry.Status == search.Status);

    private static QueryHistoryEntry ToEntry(QueryHistoryRecord r) => new(
        r.Id, r.UserName, r.Sql, r.StartedAt, r.FinishedAt, TimeSpan.FromTicks(r.DurationTicks), r.Rows, r.Status, r.Error,
        JsonColumn.Read<List<TableVersion>>(r.TablesReadJson), JsonColumn.Read<List<TableVersion>>(r.TablesWrittenJson));

    /// <summary>What <see cref="RecentSuccessesAsync"/> last read from the database, and when.</summary>
    private sealed record RecentRead(DateTimeOffset At, int Limit, IReadOnlyList<QueryHistoryEntry> Entries);
}
