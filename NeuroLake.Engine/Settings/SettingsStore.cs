using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NeuroLake.Engine.Configuration;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Engine.Settings;

/// <summary>
/// Run-time settings: the configured values (<see cref="Configured"/>) overlaid with an administrator's overrides kept
/// in the catalog. <see cref="Current"/> is what the workbench uses now; <see cref="SaveAsync"/> validates every
/// value, stores what differs from configuration, audits each change and tells <see cref="Changed"/> listeners.
/// </summary>
/// <remarks>
/// The overrides are read at start and after each save by this process; a second process on the same catalog sees
/// them at its next start. NeuroLake runs as one web host per catalog, so that is enough.
/// </remarks>
public sealed class SettingsStore
{
    // Enums by name: a stored "Single" still means Single if the enum is ever reordered.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;
    private readonly AuditLog? _audit;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private volatile SettingsSnapshot _snapshot;

    internal SettingsStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time, RuntimeSettings configured, AuditLog? audit)
    {
        if (configured.Problems() is { Count: > 0 } problems)
        {
            throw new SettingsException(problems);
        }

        (_factory, _time, _audit, Configured) = (factory, time, audit, configured);
        _snapshot = new SettingsSnapshot(configured, new Dictionary<string, SettingChange>());
    }

    /// <summary>The values from appsettings and the environment, before any override.</summary>
    public RuntimeSettings Configured { get; }

    /// <summary>The settings in force.</summary>
    public RuntimeSettings Current => _snapshot.Settings;

    /// <summary>Which settings (by name, e.g. <c>RowLimit</c>) are overridden, by whom and when.</summary>
    public IReadOnlyDictionary<string, SettingChange> Overrides => _snapshot.Overrides;

    /// <summary>Raised after <see cref="LoadAsync"/> or a save changed <see cref="Current"/>.</summary>
    public event Action<RuntimeSettings>? Changed;

    /// <summary>Reads the stored overrides; an override that no longer parses or validates is ignored (and configuration used).</summary>
    public async Task<RuntimeSettings> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var rows = await db.Settings.AsNoTracking().ToListAsync(ct);
        var settings = Configured;
        var overrides = new Dictionary<string, SettingChange>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (SettingFields.Find(row.Key) is not { } field || field.Parse(settings, row.ValueJson, Json) is not { } candidate ||
                candidate.Problems().Count > 0)
            {
                continue;
            }

            settings = candidate;
            overrides[row.Key] = new SettingChange(row.UpdatedBy, row.UpdatedAt);
        }

        Publish(new SettingsSnapshot(settings, overrides));
        return settings;
    }

    /// <summary>
    /// Makes <paramref name="next"/> the settings in force. A value equal to the configured one removes its override.
    /// Each changed setting is audited as an administrator change by <paramref name="actor"/> with its old and new value.
    /// The sign-in mode is kept as it is in force (a form read before a switch must not undo it): see <see cref="SetAuthModeAsync"/>.
    /// </summary>
    /// <exception cref="SettingsException">A value is out of range or malformed; nothing was saved.</exception>
    public Task<RuntimeSettings> SaveAsync(RuntimeSettings next, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        return ApplyAsync(before => next with { AuthMode = before.AuthMode }, actor, ct);
    }

    /// <summary>
    /// Switches the sign-in mode, stored and audited as <see cref="SaveAsync"/> stores and audits a setting. The caller
    /// has checked it is safe: that someone can sign in before turning sign-in on, and that the administrator confirmed
    /// opening the workbench to everyone before turning it off.
    /// </summary>
    public Task<RuntimeSettings> SetAuthModeAsync(AuthMode mode, string actor, CancellationToken ct = default) =>
        ApplyAsync(before => before with { AuthMode = mode }, actor, ct);

    private async Task<RuntimeSettings> ApplyAsync(Func<RuntimeSettings, RuntimeSettings> change, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await _saving.WaitAsync(ct);
        try
        {
            var before = Current;
            var next = change(before);
            if (next.Problems() is { Count: > 0 } problems)
            {
                throw new SettingsException(problems);
            }
            var changed = SettingFields.All.Where(f => f.Text(before) != f.Text(next)).ToList();
            if (changed.Count == 0)
            {
                return before;
            }

            var now = _time.GetUtcNow();
            var overrides = new Dictionary<string, SettingChange>(Overrides, StringComparer.Ordinal);
            await using (var db = await _factory.CreateDbContextAsync(ct))
            {
                foreach (var field in changed)
                {
                    var row = await db.Settings.FindAsync([field.Key], ct);
                    if (field.Text(next) == field.Text(Configured))
                    {
                        if (row is not null) db.Settings.Remove(row);
                        overrides.Remove(field.Key);
                        continue;
                    }

                    row ??= db.Settings.Add(new SettingRecord { Key = field.Key }).Entity;
                    (row.ValueJson, row.UpdatedBy, row.UpdatedAt) = (field.Serialize(next, Json), actor, now);
                    overrides[field.Key] = new SettingChange(actor, now);
                }

                await db.SaveChangesAsync(ct);
            }

            Publish(new SettingsSnapshot(next, overrides));
            await AuditAsync(actor, changed, before, next, ct);
            return next;
        }
        finally
        {
            _saving.Release();
        }
    }

    private async Task AuditAsync(string actor, IEnumerable<SettingField> changed, RuntimeSettings before, RuntimeSettings after, CancellationToken ct)
    {
        if (_audit is null)
        {
            return;
        }

        foreach (var field in changed)
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"{field.Label}: {field.Text(before)} → {field.Text(after)}");
            await _audit.RecordAsync(new AuditEvent(actor, AuditAction.AdminChange, "setting " + field.Key, AuditOutcome.Succeeded, details), ct);
        }
    }

    private void Publish(SettingsSnapshot snapshot)
    {
        _snapshot = snapshot;
        Changed?.Invoke(snapshot.Settings);
    }

    private sealed record SettingsSnapshot(RuntimeSettings Settings, IReadOnlyDictionary<string, SettingChange> Overrides);
}

/// <summary>Who overrode a setting and when.</summary>
public sealed record SettingChange(string By, DateTimeOffset At);
