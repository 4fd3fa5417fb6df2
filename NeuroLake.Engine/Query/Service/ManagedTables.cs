using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Where managed tables live and how the catalog hears about them: under the warehouse, a local folder or an
/// <c>s3://bucket/prefix</c> (opened through the <see cref="ObjectStoreFactory"/>, read through its file cache).
/// </summary>
internal sealed class ManagedTables
{
    private readonly QueryServiceOptions _options;
    private readonly DuckDbDatabase _duckDb;
    private readonly DuckDbDatabase _writerDb;
    private readonly ICatalogRegistrar _registrar;
    private readonly QualityProfileQueue? _quality;
    private readonly ObjectStoreFactory? _stores;

    /// <param name="duckDb">Reads snapshots and evaluates time travel (the interactive database).</param>
    /// <param name="writerDb">Runs the DuckDB work of tables opened to change them (the heavy database); null: <paramref name="duckDb"/>.</param>
    public ManagedTables(
        QueryServiceOptions options, DuckDbDatabase duckDb, ICatalogRegistrar registrar, QualityProfileQueue? quality = null, ObjectStoreFactory? stores = null,
        DuckDbDatabase? writerDb = null)
    {
        _options = options;
        _duckDb = duckDb;
        _writerDb = writerDb ?? duckDb;
        _registrar = registrar;
        _quality = quality;
        _stores = stores;
        Snapshots = new(async (location, ct) => new DeltaTable(await OpenStoreAsync(location, ct).ConfigureAwait(false), duckDb), new SnapshotFromItems(duckDb));
    }

    /// <summary>Latest snapshots of the tables statements read, kept across statements (reads only: writers open their own table).</summary>
    public SnapshotCache Snapshots { get; }

    /// <summary>True when the warehouse is an <c>s3://</c> location.</summary>
    public bool RemoteWarehouse => S3Location.IsS3(_options.WarehouseRoot);

    public string LocationOf(SchemaTableName name) => RemoteWarehouse
        ? $"{_options.WarehouseRoot.TrimEnd('/')}/{_options.Catalog}/{name.Schema}/{name.Table}"
        : Path.Combine(Path.GetFullPath(_options.WarehouseRoot), _options.Catalog, name.Schema, name.Table);

    /// <summary>A new managed table; a local one gets its folder now, so DuckDB can write its first files there.</summary>
    public async Task<DeltaTable> OpenNewAsync(SchemaTableName name, string user, CancellationToken ct)
    {
        var location = LocationOf(name);
        if (!RemoteWarehouse)
        {
            Directory.CreateDirectory(location);
        }

        return await OpenAsync(location, user, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes a new table's files after its creation failed or was cancelled before the first commit, so the files
    /// DuckDB had written do not linger; a location with a transaction log is a table and stays.
    /// </summary>
    public async Task DiscardUncommittedAsync(SchemaTableName name)
    {
        var location = LocationOf(name);
        try
        {
            await UncommittedTable.DiscardAsync(await OpenStoreAsync(location, CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or Amazon.Runtime.AmazonServiceException)
        {
            // Unreferenced files are harmless (VACUUM-able); the statement's own error matters more.
        }
    }

    /// <summary>Deletes a dropped managed table's files: its folder, or every object under its S3 prefix.</summary>
    public async Task DeleteFilesAsync(string location, CancellationToken ct)
    {
        if (S3Location.IsS3(location))
        {
            var store = await OpenStoreAsync(location, ct).ConfigureAwait(false);
            await DeleteAllAsync(store, await store.ListAsync("", null, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        else if (Directory.Exists(location))
        {
            Directory.Delete(location, recursive: true);
        }
    }

    /// <summary>
    /// The full path of an existing table's folder (or its <c>s3://</c> location, spelled one way), if it lies under one of
    /// the configured external locations of the same kind.
    /// </summary>
    /// <exception cref="InvalidS3LocationException">An <c>s3://</c> path that is not a valid location ('..' segments, a bad bucket name).</exception>
    public string? ExternalLocation(string path)
    {
        if (S3Location.IsS3(path))
        {
            var location = S3Location.Parse(path).ToString();
            return _options.ExternalLocations.Where(S3Location.IsS3)
                .Select(root => S3Location.Parse(root).ToString() + "/")
                .Any(root => location.StartsWith(root, StringComparison.Ordinal)) ? location : null;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return _options.ExternalLocations.Where(root => !S3Location.IsS3(root))
            .Select(root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar)
            .Any(root => full.StartsWith(root, StringComparison.Ordinal)) ? full : null;
    }

    /// <summary>Managed tables live at their warehouse location; anything else was registered from an external location.</summary>
    public bool IsManaged(SchemaTableName name, string location) => RemoteWarehouse
        ? string.Equals(location.TrimEnd('/'), LocationOf(name), StringComparison.Ordinal)
        : !S3Location.IsS3(location) && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(location)), LocationOf(name), StringComparison.Ordinal);

    public Task<bool> UnregisterAsync(string location, CancellationToken ct) => _registrar.UnregisterTableAsync(location, ct);

    /// <summary>The time travel clause with an expression value evaluated on the service's database.</summary>
    public TimeTravel? Evaluate(TimeTravel? travel) => TimeTravelEvaluation.Evaluate(_duckDb, travel);

    /// <summary>A table to read or write; commits that change data are profiled in the background when a quality queue is given.</summary>
    public async Task<DeltaTable> OpenAsync(string location, string user, CancellationToken ct) =>
        new(await OpenStoreAsync(location, ct).ConfigureAwait(false), _writerDb, new DeltaTableOptions { UserName = user, Observer = _quality });

    /// <summary>Profiles a table created with rows (CTAS) in the background, once the catalog has registered it.</summary>
    public void ProfileCreated(Snapshot snapshot) => _quality?.Enqueue(snapshot.Location, snapshot.Version);

    public Task RegisterAsync(SchemaTableName name, Snapshot snapshot, string owner, CancellationToken ct) =>
        _registrar.RegisterTableAsync(
            TableRegistrations.From(SecurablePath.ForTable(_options.Catalog, name.Schema, name.Table), snapshot.Location, snapshot) with { Owner = owner },
            ct);

    // Local folders need no factory (tests build the service without one), but go through it when there is one, so
    // files the tiering job moved out of the folder stay readable; S3 locations need it.
    private async Task<IObjectStore> OpenStoreAsync(string location, CancellationToken ct) => _stores is not null
        ? await _stores.OpenAsync(location, ct).ConfigureAwait(false)
        : !S3Location.IsS3(location)
            ? new LocalObjectStore(location)
            : throw new QueryRefusedException($"The table at '{location}' is on S3, but this query service has no S3 storage configured (NeuroLake:Storage:S3).");

    private static async Task DeleteAllAsync(IObjectStore store, IReadOnlyList<Storage.ObjectInfo> objects, CancellationToken ct)
    {
        foreach (var o in objects)
        {
            await store.DeleteAsync(o.Key, ct).ConfigureAwait(false);
        }
    }
}
