using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// The history of job runs, our own record beside the scheduler's: it is what the Jobs page searches, keeps
/// progress and outcome in words, and survives the scheduler's own expiry of finished jobs.
/// </summary>
public sealed class JobRunStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal JobRunStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Records a run that is about to be handed to the scheduler (or run at once).</summary>
    public async Task<JobRun> QueueAsync(JobKind kind, SecurablePath? table, Guid? definitionId, string triggeredBy, CancellationToken ct = default)
    {
        var record = new JobRunRecord
        {
            Id = Guid.NewGuid(),
            DefinitionId = definitionId,
            Kind = kind,
            TablePath = table?.TablePath.ToString(),
            TriggeredBy = triggeredBy,
            Status = JobRunStatus.Queued,
            QueuedAt = _time.GetUtcNow(),
            Step = "waiting for a worker",
        };
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.JobRuns.Add(record);
        await db.SaveChangesAsync(ct);
        return ToRun(record);
    }

    public Task SetExternalIdAsync(Guid id, string externalId, CancellationToken ct = default) =>
        UpdateAsync(id, r => r.ExternalId = externalId, ct);

    /// <summary>Marks the run started; a run already finished (cancelled while queued) stays as it is and false is returned.</summary>
    public async Task<bool> StartAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || record.Status is not (JobRunStatus.Queued or JobRunStatus.Running))
        {
            return false;
        }

        record.Status = JobRunStatus.Running;
        record.StartedAt ??= _time.GetUtcNow();
        record.Step = "starting";
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task ReportAsync(Guid id, double progress, string step, CancellationToken ct = default) =>
        UpdateAsync(id, r =>
        {
            if (r.Status == JobRunStatus.Running)
            {
                r.Progress = Math.Clamp(progress, 0, 1);
                r.Step = Clip(step, 500);
            }
        }, ct);

    /// <summary>Records how the run ended. <paramref name="step"/> says where it stopped.</summary>
    public Task FinishAsync(Guid id, JobRunStatus status, string step, string? summary, string? error, CancellationToken ct = default) =>
        UpdateAsync(id, r =>
        {
            r.Status = status;
            r.FinishedAt = _time.GetUtcNow();
            r.StartedAt ??= r.FinishedAt;
            r.Step = Clip(step, 500);
            r.Summary = summary;
            r.Error = error;
            if (status is JobRunStatus.Succeeded or JobRunStatus.Skipped)
            {
                r.Progress = 1;
            }
        }, ct);

    public async Task<JobRun?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return record is null ? null : ToRun(record);
    }

    /// <summary>Runs matching <paramref name="query"/>, newest first.</summary>
    public async Task<JobRunPage> SearchAsync(JobRunQuery query, CancellationToken ct = default)
    {
        if (query.Skip < 0 || query.Take is < 1 or > 1000)
        {
            throw new JobException("Page with skip ≥ 0 and take between 1 and 1000.");
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = db.JobRuns.AsNoTracking();
        if (query.Kind is { } kind)
        {
            rows = rows.Where(r => r.Kind == kind);
        }

        if (query.Table is { } table)
        {
            var path = table.TablePath.ToString();
            rows = rows.Where(r => r.TablePath == path);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (query.DefinitionId is { } definition)
        {
            rows = rows.Where(r => r.DefinitionId == definition);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(r => r.QueuedAt >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(r => r.QueuedAt < to);
        }

        if (query.HiddenTables is { Count: > 0 } hidden)
        {
            var paths = hidden.Select(t => t.TablePath.ToString()).ToList();
            rows = rows.Where(r => r.TablePath == null || !paths.Contains(r.TablePath));
        }

        if (query.HiddenKinds is { Count: > 0 } hiddenKinds)
        {
            var kinds = hiddenKinds.ToList();
            rows = rows.Where(r => !kinds.Contains(r.Kind));
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        return new JobRunPage(page.Select(ToRun).ToList(), total);
    }

    /// <summary>Every table some run in the history is about (each once), so a caller can work out which it may show.</summary>
    public async Task<IReadOnlyList<SecurablePath>> TablesAsync(CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var paths = await db.JobRuns.AsNoTracking().Where(r => r.TablePath != null).Select(r => r.TablePath!).Distinct().ToListAsync(ct);
        return paths.Select(SecurablePath.Parse).ToList();
    }

    /// <summary>The most runs <see cref="DurationsAsync"/> returns: enough for a trend, few enough to draw at once.</summary>
    public const int MaxDurations = 500;

    /// <summary>
    /// The newest <paramref name="count"/> finished runs of a recurring job that started (a run cancelled while queued
    /// never did), oldest first: its duration trend.
    /// </summary>
    public async Task<IReadOnlyList<JobRunDuration>> DurationsAsync(Guid definitionId, int count = 50, CancellationToken ct = default)
    {
        if (count is < 1 or > MaxDurations)
        {
            throw new JobException($"Ask for between 1 and {MaxDurations} runs (asked for {count}).");
        }

        var finished = new[] { JobRunStatus.Succeeded, JobRunStatus.Failed, JobRunStatus.Cancelled, JobRunStatus.Skipped };
        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = await db.JobRuns.AsNoTracking()
            .Where(r => r.DefinitionId == definitionId && finished.Contains(r.Status) && r.StartedAt != null && r.FinishedAt != null)
            // A run cancelled while queued is stamped as starting when it ended: it never ran, so it has no duration.
            .Where(r => !(r.Status == JobRunStatus.Cancelled && r.StartedAt == r.FinishedAt))
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(count)
            .Select(r => new { r.Id, r.StartedAt, r.FinishedAt, r.Status })
            .ToListAsync(ct);
        return rows.Select(r => new JobRunDuration(r.Id, r.StartedAt!.Value, r.FinishedAt!.Value - r.StartedAt.Value, r.Status))
            .OrderBy(r => r.StartedAt).ToList();
    }

    /// <summary>
    /// Marks runs still queued or running from an earlier process as failed: the process that ran them is gone, so
    /// they would otherwise show as running for ever. The scheduler retries them by its own policy.
    /// </summary>
    /// <returns>The runs it failed, so their failure can be notified.</returns>
    public async Task<IReadOnlyList<Guid>> FailInterruptedAsync(DateTimeOffset processStart, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var stale = await db.JobRuns
            .Where(r => (r.Status == JobRunStatus.Running || r.Status == JobRunStatus.Queued) && r.QueuedAt < processStart)
            .ToListAsync(ct);
        foreach (var r in stale)
        {
            r.Status = JobRunStatus.Failed;
            r.FinishedAt = _time.GetUtcNow();
            r.Error = $"The app stopped while this run was {(r.StartedAt is null ? "queued" : $"at '{r.Step}'")}; nothing half-done was committed. Retry it or wait for its next run.";
        }

        await db.SaveChangesAsync(ct);
        return stale.Select(r => r.Id).ToList();
    }

    /// <summary>
    /// Removes finished runs queued before <paramref name="olderThan"/>, and beyond the newest
    /// <paramref name="keepPerJob"/> runs of each recurring job, with the failure notifications of removed runs and
    /// any older than <paramref name="olderThan"/>. Returns how many runs were removed.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset olderThan, int keepPerJob, CancellationToken ct = default)
    {
        if (keepPerJob < 1)
        {
            throw new JobException($"Keep at least one run per job (asked to keep {keepPerJob}).");
        }

        var finished = new[] { JobRunStatus.Succeeded, JobRunStatus.Failed, JobRunStatus.Cancelled, JobRunStatus.Skipped };
        await using var db = await _factory.CreateDbContextAsync(ct);
        var removed = await db.JobRuns.Where(r => finished.Contains(r.Status) && r.QueuedAt < olderThan).ExecuteDeleteAsync(ct);
        var crowded = await db.JobRuns.Where(r => r.DefinitionId != null && finished.Contains(r.Status))
            .GroupBy(r => r.DefinitionId).Where(g => g.Count() > keepPerJob).Select(g => g.Key).ToListAsync(ct);
        foreach (var definition in crowded)
        {
            var keep = await db.JobRuns.Where(r => r.DefinitionId == definition && finished.Contains(r.Status))
                .OrderByDescending(r => r.QueuedAt).Take(keepPerJob).Select(r => r.Id).ToListAsync(ct);
            removed += await db.JobRuns.Where(r => r.DefinitionId == definition && finished.Contains(r.Status) && !keep.Contains(r.Id))
                .ExecuteDeleteAsync(ct);
        }

        await PruneNotificationsAsync(db, olderThan, ct);
        return removed;
    }

    // A notification links to its run: it goes when the run goes, or when it is as old as history is kept.
    private static async Task PruneNotificationsAsync(CatalogDbContext db, DateTimeOffset olderThan, CancellationToken ct)
    {
        var stale = db.Notifications.Where(n => n.CreatedAt < olderThan || !db.JobRuns.Any(r => r.Id == n.RunId));
        await db.NotificationReads.Where(r => stale.Any(n => n.Id == r.NotificationId)).ExecuteDeleteAsync(ct);
        await stale.ExecuteDeleteAsync(ct);
    }

    private async Task UpdateAsync(Guid id, Action<JobRunRecord> change, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new JobException("There is no such job run: history retention may have removed it.");
        change(record);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static JobRun ToRun(JobRunRecord r) => new(
        r.Id, r.DefinitionId, r.Kind, r.TablePath is null ? null : SecurablePath.Parse(r.TablePath), r.TriggeredBy, r.Status,
        r.QueuedAt, r.StartedAt, r.FinishedAt, r.Progress, r.Step, r.Summary, r.Error, r.ExternalId);
}
