using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Usage;

/// <summary>Counts table reads and writes per day and user, and which tables are queried together.</summary>
public sealed class UsageStore
{
    private const int Attempts = 3;
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal UsageStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>
    /// Records one statement by <paramref name="user"/> at <paramref name="at"/> that read and wrote the given tables.
    /// Unknown tables throw and nothing is counted.
    /// </summary>
    public async Task RecordAccessAsync(
        string user, IReadOnlyList<SecurablePath> reads, IReadOnlyList<SecurablePath> writes, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(user) || user.Length > 256)
        {
            CatalogThrow.Invalid("Usage needs the user's name (1–256 characters): pass who ran the statement.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RecordOnceAsync(user, reads, writes, at, cancellationToken);
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

    private async Task RecordOnceAsync(
        string user, IReadOnlyList<SecurablePath> reads, IReadOnlyList<SecurablePath> writes, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var touched = new Dictionary<Guid, (long Reads, long Writes)>();
        foreach (var (paths, isWrite) in new[] { (reads, false), (writes, true) })
        {
            foreach (var path in paths)
            {
                var id = await CatalogLookup.TableIdAsync(db, path, ct);
                var (r, w) = touched.GetValueOrDefault(id);
                touched[id] = isWrite ? (r, w + 1) : (r + 1, w);
            }
        }

        foreach (var (tableId, (reads1, writes1)) in touched)
        {
            var row = await db.UsageDays.FindAsync([tableId, day, user], ct);
            if (row is null)
            {
                db.UsageDays.Add(row = new UsageDayRecord { TableId = tableId, Day = day, UserName = user, LastAccessAt = at });
            }

            row.Reads += reads1;
            row.Writes += writes1;
            row.LastAccessAt = at > row.LastAccessAt ? at : row.LastAccessAt;
        }

        var ids = touched.Keys.OrderBy(id => id).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                var pair = await db.CoUsage.FindAsync([ids[i], ids[j]], ct);
                if (pair is null)
                {
                    db.CoUsage.Add(pair = new CoUsageRecord { FirstTableId = ids[i], SecondTableId = ids[j] });
                }

                pair.Count++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
