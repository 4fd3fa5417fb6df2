using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance.Audit;

/// <summary>
/// The audit log in the catalog database: append-only (the table refuses updates), searchable, exportable as CSV,
/// and trimmed to <see cref="AuditOptions.RetentionDays"/> by <see cref="ApplyRetentionAsync"/>.
/// </summary>
public sealed class AuditLog : IAsyncDisposable, IDisposable
{
    private const int MaxTake = 1000;
    private const int ExportBatch = 1000;
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;
    private readonly AuditOptions _options;
    private readonly WriteBehind<AuditRecord> _pending;

    internal AuditLog(IDbContextFactory<CatalogDbContext> factory, TimeProvider time, AuditOptions options)
    {
        if (options.RetentionDays < 1)
        {
            throw new ArgumentException(
                $"NeuroLake:Audit:RetentionDays must be at least 1; it was {options.RetentionDays}.", nameof(options));
        }

        (_factory, _time, _options) = (factory, time, options);
        _pending = new WriteBehind<AuditRecord>(WriteAsync, record => WriteAsync([record]));
    }

    /// <summary>Appends <paramref name="audited"/> as it happened now.</summary>
    /// <exception cref="CatalogException">The user name is missing or longer than 256 characters.</exception>
    public async Task<AuditEntry> RecordAsync(AuditEvent audited, CancellationToken ct = default)
    {
        var record = NewRecord(audited);
        await WriteAsync([record], ct);
        return ToEntry(record);
    }

    /// <summary>
    /// Appends <paramref name="audited"/> in the background, batched with others (the statement path: a result does not
    /// wait for its audit row). Searches and exports wait for what is queued; <paramref name="failed"/> hears why an
    /// entry could never be written.
    /// </summary>
    /// <exception cref="CatalogException">The user name is missing or too long (checked now).</exception>
    public ValueTask QueueAsync(AuditEvent audited, Action<Exception>? failed = null) => _pending.QueueAsync(NewRecord(audited), failed);

    public ValueTask DisposeAsync() => _pending.DisposeAsync();

    public void Dispose() => _pending.Dispose();

    private AuditRecord NewRecord(AuditEvent audited)
    {
        ArgumentNullException.ThrowIfNull(audited);
        if (string.IsNullOrWhiteSpace(audited.User) || audited.User.Length > AuditModel.UserMaxLength)
        {
            CatalogThrow.Invalid("An audit entry needs the user's name (1–256 characters): pass who acted.");
        }

        var at = _time.GetUtcNow();
        var target = Clip(audited.Target ?? "", AuditModel.TargetMaxLength);
        return new AuditRecord
        {
            Id = Guid.NewGuid(),
            At = at,
            AtTicks = at.UtcTicks,
            UserName = audited.User,
            Action = audited.Action.ToString(),
            Target = target,
            TargetSearch = target.ToLowerInvariant(),
            Outcome = audited.Outcome.ToString(),
            Details = audited.Details ?? "",
        };
    }

    private async Task WriteAsync(IReadOnlyList<AuditRecord> records) => await WriteAsync(records, CancellationToken.None);

    private async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.Set<AuditRecord>().AddRange(records);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The page of entries <paramref name="search"/> asks for, newest first, and how many match in all.</summary>
    /// <exception cref="CatalogException">The page size is outside 1–1000 or the skip is negative.</exception>
    public async Task<AuditPage> SearchAsync(AuditSearch search, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        CheckPage(search.Skip, search.Take);
        await _pending.FlushAsync(ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var query = Filtered(db, search);
        var total = await query.CountAsync(ct);
        var records = await Newest(query).Skip(search.Skip).Take(search.Take).ToListAsync(ct);
        return new AuditPage(records.Select(ToEntry).ToList(), total);
    }

    /// <summary>
    /// The entries about <paramref name="table"/> (catalog.schema.table), newest first: statements that read or wrote it,
    /// its maintenance, restores, ingestions and grants on it; a page of <paramref name="take"/> after <paramref name="skip"/>,
    /// and how many there are in all.
    /// </summary>
    /// <exception cref="CatalogException">The path is not a table, or the page is outside 1–1000 entries from a skip of 0 or more.</exception>
    public async Task<AuditPage> ForTableAsync(SecurablePath table, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckPage(skip, take);
        await _pending.FlushAsync(ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var query = AuditTableMatch.About(db.Set<AuditRecord>().AsNoTracking(), table);
        var total = await query.CountAsync(ct);
        var records = await Newest(query).Skip(skip).Take(take).ToListAsync(ct);
        return new AuditPage(records.Select(ToEntry).ToList(), total);
    }

    /// <summary>Writes every entry <paramref name="search"/> matches (its paging ignored), newest first, as CSV to <paramref name="destination"/>.</summary>
    public async Task<int> ExportCsvAsync(AuditSearch search, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(destination);
        await using var writer = new StreamWriter(destination, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(AuditCsv.Header.AsMemory(), ct);
        var written = 0;
        await _pending.FlushAsync(ct);
        // Entries appended while the export runs are newer than this and stay out, so the pages do not shift.
        var until = _time.GetUtcNow().UtcTicks;
        await using var db = await _factory.CreateDbContextAsync(ct);
        while (true)
        {
            var batch = await Newest(Filtered(db, search).Where(a => a.AtTicks <= until)).Skip(written).Take(ExportBatch).AsNoTracking().ToListAsync(ct);
            foreach (var record in batch)
            {
                await writer.WriteLineAsync(AuditCsv.Line(ToEntry(record)).AsMemory(), ct);
            }

            written += batch.Count;
            if (batch.Count < ExportBatch)
            {
                return written;
            }
        }
    }

    /// <summary>
    /// Removes entries older than <paramref name="retentionDays"/> (an administrator's run-time setting) or else the
    /// configured retention; returns how many went.
    /// </summary>
    public async Task<int> ApplyRetentionAsync(int? retentionDays = null, CancellationToken ct = default)
    {
        var days = retentionDays ?? _options.RetentionDays;
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1, nameof(retentionDays));
        var cutoff = (_time.GetUtcNow() - TimeSpan.FromDays(days)).UtcTicks;
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.Set<AuditRecord>().Where(a => a.AtTicks < cutoff).ExecuteDeleteAsync(ct);
    }

    private static void CheckPage(int skip, int take)
    {
        if (take is < 1 or > MaxTake || skip < 0)
        {
            CatalogThrow.Invalid($"An audit search returns pages of 1 to {MaxTake} entries from a skip of 0 or more; it asked for {take} from {skip}.");
        }
    }

    private static IQueryable<AuditRecord> Filtered(CatalogDbContext db, AuditSearch search)
    {
        var query = db.Set<AuditRecord>().AsNoTracking();
        if (!string.IsNullOrEmpty(search.User))
        {
            query = query.Where(a => a.UserName == search.User);
        }

        if (search.Action is { } action)
        {
            var name = action.ToString();
            query = query.Where(a => a.Action == name);
        }

        if (!string.IsNullOrEmpty(search.Target))
        {
            var target = search.Target.ToLowerInvariant();
            query = query.Where(a => a.TargetSearch.Contains(target));
        }

        if (search.From is { } from)
        {
            var ticks = from.UtcTicks;
            query = query.Where(a => a.AtTicks >= ticks);
        }

        if (search.To is { } to)
        {
            var ticks = to.UtcTicks;
            query = query.Where(a => a.AtTicks < ticks);
        }

        return query;
    }

    private static IQueryable<AuditRecord> Newest(IQueryable<AuditRecord> query) =>
        query.OrderByDescending(a => a.AtTicks).ThenByDescending(a => a.Id);

    private static AuditEntry ToEntry(AuditRecord record) => new(
        record.Id, record.At, record.UserName, Enum.Parse<AuditAction>(record.Action), record.Target, Enum.Parse<AuditOutcome>(record.Outcome), record.Details);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
