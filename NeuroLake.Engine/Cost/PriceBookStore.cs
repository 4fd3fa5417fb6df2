using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Cost;

/// <summary>Price books in the catalog: each save adds one (so past books stay), the newest is in force.</summary>
public sealed class PriceBookStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal PriceBookStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Saves <paramref name="book"/> as entered now by <paramref name="enteredBy"/>; it is in force from now on.</summary>
    /// <exception cref="CostException">The book is invalid (negative prices, no currency ...) or the user is not named.</exception>
    public async Task<SavedPriceBook> SaveAsync(PriceBook book, string enteredBy, CancellationToken ct = default)
    {
        PriceBookValidation.Validated(book);
        if (string.IsNullOrWhiteSpace(enteredBy) || enteredBy.Length > 256)
        {
            throw new CostException("A price book needs the name of who entered it (1–256 characters).");
        }

        var saved = new SavedPriceBook(Guid.NewGuid(), book, enteredBy, _time.GetUtcNow());
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.PriceBooks.Add(ToRecord(saved));
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>The book in force (the newest saved), or null when none was ever saved.</summary>
    public async Task<SavedPriceBook?> CurrentAsync(CancellationToken ct = default) => (await HistoryAsync(1, ct)).FirstOrDefault();

    /// <summary>The newest <paramref name="limit"/> saved books, newest first.</summary>
    public async Task<IReadOnlyList<SavedPriceBook>> HistoryAsync(int limit = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var records = await db.PriceBooks.AsNoTracking().OrderByDescending(p => p.EnteredAt).ThenByDescending(p => p.Id).Take(limit).ToListAsync(ct);
        return records.Select(ToSaved).ToList();
    }

    private static PriceBookRecord ToRecord(SavedPriceBook saved)
    {
        var p = saved.Prices;
        return new PriceBookRecord
        {
            Id = saved.Id, Name = p.Name, Source = p.Source, Currency = p.Currency, PricesAsOf = p.PricesAsOf,
            HotPerGbMonth = p.HotPerGbMonth, WarmPerGbMonth = p.WarmPerGbMonth, ColdPerGbMonth = p.ColdPerGbMonth,
            PutPer1000 = p.PutPer1000, GetPer1000 = p.GetPer1000, EgressPerGb = p.EgressPerGb,
            LocalDiskPerGbMonth = p.LocalDiskPerGbMonth, MachinePerHour = p.MachinePerHour, MachineCores = p.MachineCores,
            CloudComputePerVcpuHour = p.CloudComputePerVcpuHour, EnteredBy = saved.EnteredBy, EnteredAt = saved.EnteredAt,
        };
    }

    private static SavedPriceBook ToSaved(PriceBookRecord r) => new(
        r.Id,
        new PriceBook(
            r.Name, r.Source, r.Currency, r.PricesAsOf, r.HotPerGbMonth, r.WarmPerGbMonth, r.ColdPerGbMonth, r.PutPer1000, r.GetPer1000,
            r.EgressPerGb, r.LocalDiskPerGbMonth, r.MachinePerHour, r.MachineCores, r.CloudComputePerVcpuHour),
        r.EnteredBy,
        r.EnteredAt);
}
