using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>Opens a registered or discovered local table folder with the table layer (no observer: reading only).</summary>
internal static class TableFolder
{
    public const string LogFolder = "_delta_log";

    public static DeltaTable Open(string location, DuckDbDatabase duckDb)
    {
        if (!TableLocation.IsLocal(location))
        {
            throw new NotSupportedException($"'{location}' is not a local folder: only local tables can be opened for discovery and drift checks.");
        }

        return new DeltaTable(new LocalObjectStore(location), duckDb);
    }
}
