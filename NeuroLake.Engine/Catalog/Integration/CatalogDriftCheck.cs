using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// Finds registered tables whose Delta log moved on without the catalog (a write that bypassed NeuroLake): the log's
/// latest version is past the recorded one, or its schema differs. Optionally re-registers them from their latest snapshot.
/// </summary>
public sealed class CatalogDriftCheck
{
    private readonly CatalogTableRecorder _recorder;
    private readonly RegisteredTables _registered;
    private readonly DuckDbDatabase _duckDb;
    private readonly Storage.ObjectStoreFactory? _stores;
    private readonly ILogger _logger;

    internal CatalogDriftCheck(CatalogTableRecorder recorder, RegisteredTables registered, DuckDbDatabase duckDb, ILogger<CatalogDriftCheck> logger, Storage.ObjectStoreFactory? stores = null)
    {
        _recorder = recorder;
        _registered = registered;
        _duckDb = duckDb;
        _stores = stores;
        _logger = logger;
    }

    /// <summary>Checks every registered table; with <paramref name="reregister"/>, drifted tables are brought up to date.</summary>
    public async Task<IReadOnlyList<TableDriftReport>> CheckAllAsync(bool reregister = false, CancellationToken cancellationToken = default)
    {
        var reports = new List<TableDriftReport>();
        foreach (var table in await _registered.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            reports.Add(await CheckAsync(table, reregister, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    /// <summary>Checks the registered table at <paramref name="location"/>; null when the catalog does not know it.</summary>
    public async Task<TableDriftReport?> CheckTableAsync(string location, bool reregister = false, CancellationToken cancellationToken = default) =>
        await _registered.FindAsync(location, cancellationToken).ConfigureAwait(false) is { } table
            ? await CheckAsync(table, reregister, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<TableDriftReport> CheckAsync(RegisteredTable table, bool reregister, CancellationToken ct)
    {
        Snapshot snapshot;
        try
        {
            snapshot = await (await TableFolder.OpenAsync(table.Location, _duckDb, _stores, ct).ConfigureAwait(false)).GetSnapshotAsync(null, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NeuroLakeException or IOException or NotSupportedException)
        {
            return new TableDriftReport(table.Name, table.Location, null, Reregistered: false, Problem: e.Message);
        }

        var drift = await _recorder.Registrar.DetectDriftAsync(table.Location, snapshot.Version, DeltaColumns.From(snapshot.Schema), ct).ConfigureAwait(false);
        if (!drift.HasDrift)
        {
            return new TableDriftReport(table.Name, table.Location, drift, Reregistered: false, Problem: null);
        }

        _logger.DriftFound(table.Name, table.Location, drift.RecordedVersion, drift.ActualVersion, drift.SchemaChanges.Count);
        if (!reregister)
        {
            return new TableDriftReport(table.Name, table.Location, drift, Reregistered: false, Problem: null);
        }

        try
        {
            var result = await _recorder.RecordAsync(TableRegistrations.From(table.Name, table.Location, snapshot), ct).ConfigureAwait(false);
            return new TableDriftReport(table.Name, table.Location, drift, result.Outcome is RegistrationOutcome.Updated, Problem: null);
        }
        catch (CatalogException e)
        {
            return new TableDriftReport(table.Name, table.Location, drift, Reregistered: false, Problem: e.Message);
        }
    }
}

/// <summary>
/// The drift check of one registered table: <see cref="Drift"/> is null when the table could not be opened
/// (<see cref="Problem"/> says why, e.g. its folder is gone); <see cref="Reregistered"/> when the catalog was brought up to date.
/// </summary>
public sealed record TableDriftReport(SecurablePath Name, string Location, CatalogDrift? Drift, bool Reregistered, string? Problem)
{
    public bool HasDrift => Drift?.HasDrift == true;
}
