using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Engine.Catalog.History;

/// <summary>Per-user query history: one entry per statement the query service ran, searchable by user, text and status.</summary>
public sealed class QueryHistoryStore : IAsyncDisposable, IDisposable
{
    private const int MaxLimit = 10_000;
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly WriteBehind<QueryHistoryEntry> _pending;

    internal QueryHistoryStore(IDbContextFactory<CatalogDbContext> factory)
    {
        _factory = factory;
        _pending = new WriteBehind<QueryHistoryEntry>(entries => WriteAsync(entries), entry => WriteAsync([entry]));
    }

    /// <summary>Stores <paramref name="entry"/>; its id must be new.</summary>
    public async Task RecordAsync(QueryHistoryEntry entry, CancellationToken ct = default)
    {
        Validate(entry);
        await WriteAsync([entry], ct);
    }

    /// <summary>
    /// Stores <paramref name="entry"/> in the background, batched with others (the query service's path: a statement's
    /// result does not wait for its history). Searches see it; <paramref name="failed"/> hears why if it is never stored.
    /// </summary>
    /// <exception cref="CatalogException">The entry is invalid (checked now).</exception>
    public ValueTask QueueAsync(QueryHistoryEntry entry, Action<Exception>? failed = null)
    {
        Validate(entry);
        return _pending.QueueAsync(entry, failed);
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

        // Entries still queued are part of the history.
        await _pending.FlushAsync(ct);
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
        return records.Select(ToEntry).ToList();
    }

    private static QueryHistoryEntry ToEntry(QueryHistoryRecord r) => new(
        r.Id, r.UserName, r.Sql, r.StartedAt, r.FinishedAt, TimeSpan.FromTicks(r.DurationTicks), r.Rows, r.Status, r.Error,
        JsonColumn.Read<List<TableVersion>>(r.TablesReadJson), JsonColumn.Read<List<TableVersion>>(r.TablesWrittenJson));
}
