using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Usage;

/// <summary>Counts table reads and writes per day and user, and which tables are queried together.</summary>
public sealed class UsageStore : IAsyncDisposable, IDisposable
{
    private const int Attempts = 3;
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly WriteBehind<TableAccess> _pending;

    internal UsageStore(IDbContextFactory<CatalogDbContext> factory)
    {
        _factory = factory;
        _pending = new WriteBehind<TableAccess>(accesses => RecordWithRetriesAsync(accesses, CancellationToken.None), access => RecordWithRetriesAsync([access], CancellationToken.None));
    }

    /// <summary>
    /// Records one statement by <paramref name="user"/> at <paramref name="at"/> that read and wrote the given tables.
    /// Unknown tables throw and nothing is counted.
    /// </summary>
    public Task RecordAccessAsync(
        string user, IReadOnlyList<SecurablePath> reads, IReadOnlyList<SecurablePath> writes, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        RecordWithRetriesAsync([Validated(new TableAccess(user, reads, writes, at))], cancellationToken);

    /// <summary>
    /// Records a statement like <see cref="RecordAccessAsync"/>, in the background and counted together with others (the
    /// query service's path). Reports see it; <paramref name="failed"/> hears why if it is never counted (unknown tables).
    /// </summary>
    /// <exception cref="CatalogException">The user name is invalid (checked now).</exception>
    public ValueTask QueueAccessAsync(
        string user, IReadOnlyList<SecurablePath> reads, IReadOnlyList<SecurablePath> writes, DateTimeOffset at, Action<Exception>? failed = null) =>
        _pending.QueueAsync(Validated(new TableAccess(user, reads, writes, at)), failed);

    public ValueTask DisposeAsync() => _pending.DisposeAsync();

    public void Dispose() => _pending.Dispose();

    private static TableAccess Validated(TableAccess access)
    {
        if (string.IsNullOrWhiteSpace(access.User) || access.User.Length > 256)
        {
            CatalogThrow.Invalid("Usage needs the user's name (1–256 characters): pass who ran the statement.");
        }

        return access;
    }

    private async Task RecordWithRetriesAsync(IReadOnlyList<TableAccess> accesses, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RecordOnceAsync(accesses, ct);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another statement inserted the same day row first; counting again sees it and updates it.
            }
        }
    }

    /// <summary>Usage of a table over the UTC days [<paramref name="from"/>, <paramref name="to"/>], with the top users.</summary>
    public async Task<UsageReport> ReportAsync(
        SecurablePath table, DateOnly from, DateOnly to, int topUsers = 5, CancellationToken cancellationToken = default)
    {
        // Accesses still queued are counted.
        await _pending.FlushAsync(cancellationToken);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableId = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        var rows = await db.UsageDays.AsNoTracking()
            .Where(u => u.TableId == tableId && u.Day >= from && u.Day <= to)
            .ToListAsync(cancellationToken);
        var days = rows.GroupBy(r => r.Day).OrderBy(g => g.Key)
            .Select(g => new UsageDay(g.Key, g.Sum(r => r.Reads), g.Sum(r => r.Writes), g.Count())).ToList();
        var users = rows.GroupBy(r => r.UserName)
            .Select(g => new UserUsage(g.Key, g.Sum(r => r.Reads), g.Sum(r => r.Writes)))
            .OrderByDescending(u => u.Reads + u.Writes).ThenBy(u => u.User, StringComparer.Ordinal)
            .Take(topUsers).ToList();
        return new UsageReport(days, days.Sum(d => d.Reads), days.Sum(d => d.Writes),
            rows.Count == 0 ? null : rows.Max(r => r.LastAccessAt), users);
    }

    /// <summary>All the accesses in one transaction: day rows summed per table, day and user; pairs counted per statement.</summary>
    private async Task RecordOnceAsync(IReadOnlyList<TableAccess> accesses, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = new Dictionary<SecurablePath, Guid>();
        var days = new Dictionary<(Guid Table, DateOnly Day, string User), (long Reads, long Writes, DateTimeOffset At)>();
        var pairs = new Dictionary<(Guid First, Guid Second), long>();
        foreach (var access in accesses)
        {
            var day = DateOnly.FromDateTime(access.At.UtcDateTime);
            var touched = new HashSet<Guid>();
            foreach (var (paths, isWrite) in new[] { (access.Reads, false), (access.Writes, true) })
            {
                foreach (var path in paths)
                {
                    if (!ids.TryGetValue(path, out var id))
                    {
                        id = ids[path] = await CatalogLookup.TableIdAsync(db, path, ct);
                    }

                    touched.Add(id);
                    var (r, w, at) = days.GetValueOrDefault((id, day, access.User));
                    days[(id, day, access.User)] = isWrite ? (r, w + 1, Max(at, access.At)) : (r + 1, w, Max(at, access.At));
                }
            }

            var ordered = touched.Order().ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    pairs[(ordered[i], ordered[j])] = pairs.GetValueOrDefault((ordered[i], ordered[j])) + 1;
                }
            }
        }

        foreach (var ((tableId, day, user), (reads, writes, at)) in days)
        {
            var row = await db.UsageDays.FindAsync([tableId, day, user], ct);
            if (row is null)
            {
                db.UsageDays.Add(row = new UsageDayRecord { TableId = tableId, Day = day, UserName = user, LastAccessAt = at });
            }

            row.Reads += reads;
            row.Writes += writes;
            row.LastAccessAt = Max(row.LastAccessAt, at);
        }

        foreach (var ((first, second), count) in pairs)
        {
            var pair = await db.CoUsage.FindAsync([first, second], ct);
            if (pair is null)
            {
                db.CoUsage.Add(pair = new CoUsageRecord { FirstTableId = first, SecondTableId = second });
            }

            pair.Count += count;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record TableAccess(string User, IReadOnlyList<SecurablePath> Reads, IReadOnlyList<SecurablePath> Writes, DateTimeOffset At);
}
