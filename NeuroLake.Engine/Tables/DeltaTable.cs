using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Checkpoints;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Transactions;

namespace NeuroLake.Engine.Tables;

/// <summary>
/// A Delta Lake table at a location (an <see cref="IObjectStore"/> rooted at the table folder). Reads snapshots at
/// any version or timestamp, and writes through DuckDB with atomic, conflict-checked commits.
/// Thread-safe: every operation works on its own snapshot and DuckDB connection.
/// </summary>
public sealed partial class DeltaTable
{
    private readonly SnapshotLoader _loader;

    public DeltaTable(IObjectStore store, DuckDbDatabase duckDb, DeltaTableOptions? options = null)
    {
        Store = store;
        DuckDb = duckDb;
        Options = options ?? new DeltaTableOptions();
        _loader = new SnapshotLoader(store, duckDb);
    }

    public IObjectStore Store { get; }

    public string Location => Store.Location;

    internal DuckDbDatabase DuckDb { get; }

    public DeltaTableOptions Options { get; }

    private Snapshot? _latest;

    /// <summary>
    /// The snapshot at <paramref name="version"/>, or the latest when null. The latest snapshot is kept and brought
    /// up to date by reading only the commits after it.
    /// </summary>
    public async Task<Snapshot> GetSnapshotAsync(long? version = null, CancellationToken ct = default)
    {
        if (version is not null)
        {
            return _latest is { } cached && cached.Version == version ? cached : await _loader.LoadAsync(version, ct).ConfigureAwait(false);
        }

        var known = Volatile.Read(ref _latest);
        var latest = known is null ? await _loader.LoadAsync(null, ct).ConfigureAwait(false) : await _loader.LatestFromAsync(known, ct).ConfigureAwait(false);
        Remember(latest);
        return latest;
    }

    private void Remember(Snapshot snapshot)
    {
        var current = Volatile.Read(ref _latest);
        while ((current is null || current.Version < snapshot.Version) && Interlocked.CompareExchange(ref _latest, snapshot, current) != current)
        {
            current = Volatile.Read(ref _latest);
        }
    }

    /// <summary>The snapshot of the latest version committed at or before <paramref name="timestamp"/>.</summary>
    public async Task<Snapshot> GetSnapshotAsOfAsync(DateTimeOffset timestamp, CancellationToken ct = default)
    {
        var latest = await GetSnapshotAsync(null, ct).ConfigureAwait(false);
        var version = await CommitTimeline.VersionAtAsync(Store, latest, timestamp, ct).ConfigureAwait(false);
        return version == latest.Version ? latest : await _loader.LoadAsync(version, ct).ConfigureAwait(false);
    }

    /// <summary>True when the location holds a Delta log.</summary>
    public async Task<bool> ExistsAsync(CancellationToken ct = default)
    {
        var listing = await Log.LogListing.ListAsync(Store, null, ct).ConfigureAwait(false);
        return listing.Files.Count > 0;
    }

    internal async Task<Snapshot?> TryGetLatestAsync(CancellationToken ct)
    {
        try
        {
            return await _loader.LoadAsync(null, ct).ConfigureAwait(false);
        }
        catch (NotADeltaTableException)
        {
            return null;
        }
    }

    internal Transaction StartTransaction(Snapshot? readSnapshot, string operation) => new(Store, readSnapshot, operation, Options);

    /// <summary>Commits, then writes a checkpoint when the version is due one and tells the observer.</summary>
    internal async Task<CommitResult> CommitAsync(Transaction transaction, CancellationToken ct)
    {
        var result = await transaction.CommitAsync(_loader, ct).ConfigureAwait(false);
        // The version is durable from here: a cancellation now must not make the commit look failed.
        ct = CancellationToken.None;
        Remember(result.Snapshot);
        var interval = CheckpointInterval(result.Snapshot);
        if (result.Version > 0 && result.Version % interval == 0)
        {
            await CheckpointWriter.WriteAsync(DuckDb, Store, result.Snapshot, Options.Clock.GetUtcNow(), ct).ConfigureAwait(false);
        }

        if (Options.Observer is { } observer)
        {
            var change = new TableChange(
                Location,
                result.Version,
                transaction.Operation,
                result.Timestamp,
                result.Snapshot.Metadata.SchemaString,
                result.Snapshot.PartitionColumns,
                result.Snapshot.Files.Count,
                result.Snapshot.SizeInBytes,
                result.OperationMetrics,
                result.Snapshot.Schema,
                result.Snapshot.Protocol.MinReaderVersion,
                result.Snapshot.Protocol.MinWriterVersion,
                result.Snapshot.Configuration,
                result.Snapshot.Metadata.Name,
                result.Snapshot.Metadata.Description,
                Options.UserName);
            if (transaction.ReadSnapshot is null)
            {
                await observer.OnTableCreatedAsync(change, ct).ConfigureAwait(false);
            }
            else
            {
                await observer.OnCommittedAsync(change, ct).ConfigureAwait(false);
            }
        }

        return result;
    }

    private int CheckpointInterval(Snapshot snapshot) =>
        snapshot.Configuration.TryGetValue(TableProperties.CheckpointInterval, out var text) && int.TryParse(text, out var n) && n > 0
            ? n
            : Math.Max(1, Options.CheckpointInterval);
}
