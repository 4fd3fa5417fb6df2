using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Where managed tables live and how the catalog hears about them. The one place to switch to the catalog's
/// table observer and warehouse layout once they exist.
/// </summary>
internal sealed class ManagedTables(QueryServiceOptions options, DuckDbDatabase duckDb, ICatalogRegistrar registrar, QualityProfileQueue? quality = null)
{
    /// <summary>Latest snapshots of the tables statements read, kept across statements (reads only: writers open their own table).</summary>
    public SnapshotCache Snapshots { get; } = new(location => new DeltaTable(new LocalObjectStore(location), duckDb));

    public string LocationOf(SchemaTableName name) =>
        Path.Combine(Path.GetFullPath(options.WarehouseRoot), options.Catalog, name.Schema, name.Table);

    /// <summary>A new managed table's folder, created so DuckDB can write its first files there.</summary>
    public DeltaTable OpenNew(SchemaTableName name, string user)
    {
        var location = LocationOf(name);
        Directory.CreateDirectory(location);
        return Open(location, user);
    }

    /// <summary>
    /// Removes a new table's folder after its creation failed or was cancelled before the first commit, so the files
    /// DuckDB had written do not linger; a folder with a transaction log is a table and stays.
    /// </summary>
    public void DiscardUncommitted(SchemaTableName name)
    {
        var location = LocationOf(name);
        try
        {
            if (Directory.Exists(location) && !Directory.Exists(Path.Combine(location, "_delta_log")))
            {
                Directory.Delete(location, recursive: true);
            }
        }
        catch (IOException)
        {
            // Unreferenced files are harmless (VACUUM-able); the statement's own error matters more.
        }
    }

    /// <summary>The full path of an existing table's folder, if it lies under one of the configured external locations.</summary>
    public string? ExternalLocation(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return options.ExternalLocations
            .Select(root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar)
            .Any(root => full.StartsWith(root, StringComparison.Ordinal)) ? full : null;
    }

    /// <summary>Managed tables live at their warehouse location; anything else was registered from an external location.</summary>
    public bool IsManaged(SchemaTableName name, string location) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(location)), LocationOf(name), StringComparison.Ordinal);

    public Task<bool> UnregisterAsync(string location, CancellationToken ct) => registrar.UnregisterTableAsync(location, ct);

    /// <summary>The time travel clause with an expression value evaluated on the service's database.</summary>
    public TimeTravel? Evaluate(TimeTravel? travel) => TimeTravelEvaluation.Evaluate(duckDb, travel);

    /// <summary>A table to read or write; commits that change data are profiled in the background when a quality queue is given.</summary>
    public DeltaTable Open(string location, string user) =>
        new(new LocalObjectStore(location), duckDb, new DeltaTableOptions { UserName = user, Observer = quality });

    /// <summary>Profiles a table created with rows (CTAS) in the background, once the catalog has registered it.</summary>
    public void ProfileCreated(Snapshot snapshot) => quality?.Enqueue(snapshot.Location, snapshot.Version);

    public Task RegisterAsync(SchemaTableName name, Snapshot snapshot, string owner, CancellationToken ct) =>
        registrar.RegisterTableAsync(
            TableRegistrations.From(SecurablePath.ForTable(options.Catalog, name.Schema, name.Table), snapshot.Location, snapshot) with { Owner = owner },
            ct);
}
