using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Opens the tables file loads write, a target and the quarantine table beside it, in a local folder or under an
/// <c>s3://</c> prefix (through the <see cref="ObjectStoreFactory"/>, whose file cache DuckDB reads S3 tables through).
/// </summary>
public static class IngestionTables
{
    /// <summary>Appended to a table's location (and name) for its quarantine table.</summary>
    public const string QuarantineSuffix = "_quarantine";

    /// <summary>The table at <paramref name="location"/> (nothing is created: a table's first write makes its folder or objects).</summary>
    /// <exception cref="IngestionException">An <c>s3://</c> location and no S3 storage configured.</exception>
    public static async Task<DeltaTable> OpenAsync(string location, DuckDbDatabase duckDb, ObjectStoreFactory? stores, DeltaTableOptions? options, CancellationToken ct)
    {
        if (!S3Location.IsS3(location))
        {
            return new DeltaTable(new LocalObjectStore(location), duckDb, options);
        }

        var factory = stores ?? throw new IngestionException(
            $"The table at '{location}' is on S3, but no S3 storage is configured here: set NeuroLake:Storage:S3.");
        return new DeltaTable(await factory.OpenAsync(location, ct).ConfigureAwait(false), duckDb, options);
    }

    /// <summary>Where the quarantine table of the table at <paramref name="location"/> lives: beside it, named with <see cref="QuarantineSuffix"/>.</summary>
    public static string QuarantineOf(string location) => location.TrimEnd('/', '\\') + QuarantineSuffix;

    /// <summary>
    /// Runs <paramref name="load"/>; when it creates a table (<paramref name="createsTable"/>) at a location that held nothing
    /// and fails or is cancelled before its commit, what it wrote (a folder, data files uploaded to S3) is deleted through
    /// the store (<see cref="UncommittedTable"/>). A location that already held something is left as it was.
    /// </summary>
    public static async Task<T> WithoutLeftoversAsync<T>(DeltaTable target, bool createsTable, Func<Task<T>> load, CancellationToken ct)
    {
        var vacant = createsTable && await UncommittedTable.IsVacantAsync(target.Store, ct).ConfigureAwait(false);
        try
        {
            return await load().ConfigureAwait(false);
        }
        catch when (vacant)
        {
            await DiscardAsync(target).ConfigureAwait(false);
            throw;
        }
    }

    // A cleanup that fails itself leaves only unreferenced files; the load's own error is the one to report.
    private static async Task DiscardAsync(DeltaTable table)
    {
        try
        {
            await UncommittedTable.DiscardAsync(table.Store).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
        {
        }
    }
}
