using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>Opens a registered or discovered table with the table layer (no observer: reading only).</summary>
internal static class TableFolder
{
    public const string LogFolder = "_delta_log";

    /// <summary>A local table folder (discovery walks local folders only).</summary>
    public static DeltaTable Open(string location, DuckDbDatabase duckDb)
    {
        if (!TableLocation.IsLocal(location))
        {
            throw new NotSupportedException($"'{location}' is not a local folder: only local tables can be opened for discovery.");
        }

        return new DeltaTable(new LocalObjectStore(location), duckDb);
    }

    /// <summary>A registered table, local or on S3 (through <paramref name="stores"/>, whose cache its files are read through).</summary>
    public static async Task<DeltaTable> OpenAsync(string location, DuckDbDatabase duckDb, ObjectStoreFactory? stores, CancellationToken ct)
    {
        if (!S3Location.IsS3(location))
        {
            // Through the factory when there is one: files the tiering job moved out of the folder are read from their tier.
            return stores is null ? Open(location, duckDb) : new DeltaTable(await stores.OpenAsync(location, ct).ConfigureAwait(false), duckDb);
        }

        var factory = stores ?? throw new NotSupportedException($"The table at '{location}' is on S3, but no S3 storage is configured here (NeuroLake:Storage:S3).");
        return new DeltaTable(await factory.OpenAsync(location, ct).ConfigureAwait(false), duckDb);
    }
}
