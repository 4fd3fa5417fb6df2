using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// Metered statements and job runs in the catalog. The query service queues records (written in the background, many
/// per transaction, so a statement never waits for its meter); reads see everything queued before them.
/// </summary>
public sealed class MeteredWorkStore : IAsyncDisposable, IDisposable
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly WriteBehind<MeteredWork> _pending;

    internal MeteredWorkStore(IDbContextFactory<CatalogDbContext> factory)
    {
        _factory = factory;
        _pending = new WriteBehind<MeteredWork>(works => WriteAsync(works), work => WriteAsync([work]));
    }

    /// <summary>Stores <paramref name="work"/> in the background; <paramref name="failed"/> hears why should it never be stored.</summary>
    public ValueTask QueueAsync(MeteredWork work, Action<Exception>? failed = null) => _pending.QueueAsync(Validated(work), failed);

    /// <summary>Stores <paramref name="work"/> now.</summary>
    public Task RecordAsync(MeteredWork work, CancellationToken ct = default) => WriteAsync([Validated(work)], ct);

    /// <summary>Work started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<MeteredWork>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await _pending.FlushAsync(ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var records = await db.MeteredWork.AsNoTracking()
            .Where(w => w.StartedAt >= from && w.StartedAt < to)
            .OrderBy(w => w.StartedAt).ThenBy(w => w.Id)
            .ToListAsync(ct);
        return records.Select(ToWork).ToList();
    }

    /// <summary>Deletes work started before <paramref name="cutoff"/>; returns how many records went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        await _pending.FlushAsync(ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.MeteredWork.Where(w => w.StartedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    public ValueTask DisposeAsync() => _pending.DisposeAsync();

    public void Dispose() => _pending.Dispose();

    private static MeteredWork Validated(MeteredWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (string.IsNullOrWhiteSpace(work.User) || work.User.Length > 256)
        {
            CatalogThrow.Invalid("Metered work needs the user's name (1–256 characters): pass who ran it.");
        }

        if (work.Kind.Length > MeteringModel.KindMaxLength || work.Outcome.Length > MeteringModel.OutcomeMaxLength)
        {
            CatalogThrow.Invalid($"Metered work's kind may have {MeteringModel.KindMaxLength} characters and its outcome {MeteringModel.OutcomeMaxLength}.");
        }

        return work;
    }

    private async Task WriteAsync(IReadOnlyList<MeteredWork> works, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.MeteredWork.AddRange(works.Select(w => new MeteredWorkRecord
        {
            Id = w.Id,
            Source = (int)w.Source,
            Workload = (int)w.Workload,
            UserName = w.User,
            Kind = w.Kind,
            Outcome = w.Outcome,
            StartedAt = w.StartedAt,
            WallTicks = w.Wall.Ticks,
            CpuTicks = w.Cpu.Ticks,
            BytesScanned = w.BytesScanned,
            FilesScanned = w.FilesScanned,
            TablesJson = JsonColumn.Write(w.Tables),
            JobRunId = w.JobRunId,
            MemoryAllocatedBytes = w.MemoryAllocatedBytes,
            DuckDbCpuTicks = w.DuckDbCpu?.Ticks,
        }));
        await db.SaveChangesAsync(ct);
    }

    private static MeteredWork ToWork(MeteredWorkRecord r) => new(
        r.Id, (WorkSource)r.Source, (WorkloadClass)r.Workload, r.UserName, r.Kind, r.Outcome, r.StartedAt,
        TimeSpan.FromTicks(r.WallTicks), TimeSpan.FromTicks(r.CpuTicks), r.BytesScanned, r.FilesScanned,
        JsonColumn.Read<List<TableScan>>(r.TablesJson), r.JobRunId, r.MemoryAllocatedBytes, r.DuckDbCpuTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null);
}
