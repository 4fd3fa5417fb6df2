using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Metering;

/// <summary>Each table's daily storage per tier, as the metering job measured it.</summary>
public sealed class StorageDayStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal StorageDayStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>
    /// Stores the measurements of <paramref name="day"/>, replacing any taken earlier that day (a second run of the job
    /// measures again rather than adding to the first).
    /// </summary>
    public async Task SaveDayAsync(DateOnly day, IReadOnlyList<StorageDay> tables, DateTimeOffset takenAt, CancellationToken ct = default)
    {
        if (tables.Any(t => t.Day != day))
        {
            throw new ArgumentException($"Every measurement saved for {day:yyyy-MM-dd} must be of that day.", nameof(tables));
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TableStorageDays.Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        db.TableStorageDays.AddRange(tables.Select(t => new TableStorageDayRecord
        {
            Day = t.Day, TableName = t.Table, Tier = (int)t.Tier, CurrentBytes = t.CurrentBytes, CurrentFiles = t.CurrentFiles,
            OlderVersionsBytes = t.OlderVersionsBytes, OlderVersionsFiles = t.OlderVersionsFiles, TakenAt = takenAt,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Measurements of the days [<paramref name="from"/>, <paramref name="to"/>], by day and table.</summary>
    public async Task<IReadOnlyList<StorageDay>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var records = await db.TableStorageDays.AsNoTracking()
            .Where(s => s.Day >= from && s.Day <= to)
            .OrderBy(s => s.Day).ThenBy(s => s.TableName).ThenBy(s => s.Tier)
            .ToListAsync(ct);
        return records.Select(r => new StorageDay(r.Day, r.TableName, (StorageTier)r.Tier, r.CurrentBytes, r.CurrentFiles, r.OlderVersionsBytes, r.OlderVersionsFiles))
            .ToList();
    }

    /// <summary>Deletes the measurements of days before <paramref name="firstKept"/>; returns how many rows went.</summary>
    public async Task<int> PruneAsync(DateOnly firstKept, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.TableStorageDays.Where(s => s.Day < firstKept).ExecuteDeleteAsync(ct);
    }
}
