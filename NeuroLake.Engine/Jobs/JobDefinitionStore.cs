using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// The recurring jobs, kept in the catalog rather than only in the scheduler: pausing (which Hangfire cannot do)
/// removes a job from the scheduler while its definition stays here, so resuming restores it exactly.
/// </summary>
public sealed class JobDefinitionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal JobDefinitionStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Creates a job owned (and run) by <paramref name="owner"/>; it fires on its schedule until paused.</summary>
    /// <exception cref="JobException">The draft is invalid; the message says what to change.</exception>
    public async Task<JobDefinition> CreateAsync(JobDraft draft, string owner, CancellationToken ct = default)
    {
        draft.Validate();
        var now = _time.GetUtcNow();
        var record = new JobDefinitionRecord { Id = Guid.NewGuid(), Owner = owner, CreatedAt = now };
        Apply(record, draft, now);
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.JobDefinitions.Add(record);
        await db.SaveChangesAsync(ct);
        return ToDefinition(record);
    }

    /// <summary>
    /// Creates the job under <paramref name="id"/> unless a job with that id exists (which is left as it is, paused or
    /// rescheduled); returns the job either way. How system jobs stay one each across restarts.
    /// </summary>
    public async Task<JobDefinition> EnsureAsync(Guid id, JobDraft draft, string owner, CancellationToken ct = default)
    {
        draft.Validate();
        await using var db = await _factory.CreateDbContextAsync(ct);
        if (await db.JobDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } existing)
        {
            return ToDefinition(existing);
        }

        var now = _time.GetUtcNow();
        var record = new JobDefinitionRecord { Id = id, Owner = owner, CreatedAt = now };
        Apply(record, draft, now);
        db.JobDefinitions.Add(record);
        await db.SaveChangesAsync(ct);
        return ToDefinition(record);
    }

    /// <summary>Replaces what the job does and when; its owner, id and paused state stay.</summary>
    public async Task<JobDefinition> UpdateAsync(Guid id, JobDraft draft, CancellationToken ct = default)
    {
        draft.Validate();
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, id, ct);
        Apply(record, draft, _time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ToDefinition(record);
    }

    /// <summary>Pauses the job; pausing a paused job keeps the first pause's time.</summary>
    public async Task<JobDefinition> PauseAsync(Guid id, string by, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, id, ct);
        if (record.PausedAt is null)
        {
            record.PausedAt = _time.GetUtcNow();
            record.PausedBy = by;
            record.UpdatedAt = record.PausedAt.Value;
            await db.SaveChangesAsync(ct);
        }

        return ToDefinition(record);
    }

    public async Task<JobDefinition> ResumeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, id, ct);
        if (record.PausedAt is not null)
        {
            record.PausedAt = null;
            record.PausedBy = null;
            record.UpdatedAt = _time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return ToDefinition(record);
    }

    /// <summary>Deletes the job's definition; its past runs stay in the history. False when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await db.JobDefinitions.Where(d => d.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<JobDefinition?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await db.JobDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return record is null ? null : ToDefinition(record);
    }

    /// <summary>Every job, or only those of <paramref name="table"/>, by name.</summary>
    public async Task<IReadOnlyList<JobDefinition>> ListAsync(SecurablePath? table = null, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = db.JobDefinitions.AsNoTracking();
        if (table is not null)
        {
            var path = table.TablePath.ToString();
            rows = rows.Where(d => d.TablePath == path);
        }

        var records = await rows.ToListAsync(ct);
        return records.Select(ToDefinition).OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static async Task<JobDefinitionRecord> RequireAsync(CatalogDbContext db, Guid id, CancellationToken ct) =>
        await db.JobDefinitions.FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new JobException("There is no such job: it may have been deleted. Reload the list of jobs.");

    private static void Apply(JobDefinitionRecord record, JobDraft draft, DateTimeOffset now)
    {
        record.Name = draft.Name.Trim();
        record.Kind = draft.Kind;
        record.TablePath = draft.Table?.TablePath.ToString();
        record.Cron = draft.Cron.Trim();
        record.TimeZone = string.IsNullOrWhiteSpace(draft.TimeZone) ? "UTC" : draft.TimeZone.Trim();
        // The settings column holds what the kind needs: maintenance settings, or the pipeline's name.
        record.SettingsJson = draft.Maintenance is not null ? JsonSerializer.Serialize(draft.Maintenance, Json)
            : draft.Pipeline is not null ? JsonSerializer.Serialize(new PipelineSettings(draft.Pipeline.Trim()), Json)
            : "{}";
        record.UpdatedAt = now;
    }

    private static JobDefinition ToDefinition(JobDefinitionRecord r) => new(
        r.Id,
        r.Name,
        r.Kind,
        r.TablePath is null ? null : SecurablePath.Parse(r.TablePath),
        r.Cron,
        r.TimeZone,
        r.Kind == JobKind.TableMaintenance ? JsonSerializer.Deserialize<MaintenanceSettings>(r.SettingsJson, Json) : null,
        r.Owner,
        r.PausedAt,
        r.PausedBy,
        r.CreatedAt,
        r.UpdatedAt,
        r.Kind == JobKind.Pipeline ? JsonSerializer.Deserialize<PipelineSettings>(r.SettingsJson, Json)?.Pipeline : null);

    private sealed record PipelineSettings(string Pipeline);
}
