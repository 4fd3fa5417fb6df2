using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>
/// Keeps the catalog in step with the tables NeuroLake writes: after a create or commit the table is registered (or
/// updated) under the name <see cref="TableNaming"/> gives it. A location with no name, or a registration the catalog
/// rejects, is logged and left alone: the commit is durable and must not look failed (a drift check catches up later).
/// </summary>
public sealed class CatalogTableObserver : ITableChangeObserver
{
    private readonly CatalogTableRecorder _recorder;
    private readonly TableNaming _naming;
    private readonly ILogger _logger;

    internal CatalogTableObserver(CatalogTableRecorder recorder, TableNaming naming, ILogger<CatalogTableObserver> logger)
    {
        _recorder = recorder;
        _naming = naming;
        _logger = logger;
    }

    public Task OnTableCreatedAsync(TableChange change, CancellationToken ct) => RegisterAsync(change, ct);

    public Task OnCommittedAsync(TableChange change, CancellationToken ct) => RegisterAsync(change, ct);

    /// <summary>Registers the change's table; null when it was not registered (the reason is logged).</summary>
    internal async Task<RegistrationResult?> RegisterAsync(TableChange change, CancellationToken ct)
    {
        try
        {
            var named = await _naming.ResolveAsync(change.Location, ct).ConfigureAwait(false);
            if (named.Name is null)
            {
                _logger.NotRegistered(change.Location, named.Reason);
                return null;
            }

            var result = await _recorder.RecordAsync(TableRegistrations.From(named.Name, named.Location, change), ct).ConfigureAwait(false);
            _logger.Registered(named.Name, change.Version, result.Outcome.ToString(), change.Operation, named.Location);
            return result;
        }
        catch (Exception ex) when (ex is CatalogException or DbException or DbUpdateException)
        {
            _logger.RegistrationFailed(ex, change.Location, change.Version);
            return null;
        }
    }
}
