using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>Builds the catalog's registration of a table from what the table layer reports: a commit or a snapshot.</summary>
internal static class TableRegistrations
{
    public static TableRegistration From(SecurablePath name, string location, TableChange change) => new(
        name.Catalog,
        name.Schema!,
        name.Table!,
        location,
        DeltaColumns.From(change.Schema),
        change.Version,
        change.SizeInBytes,
        change.NumFiles,
        change.MinReaderVersion,
        change.MinWriterVersion,
        change.PartitionColumns,
        change.Properties,
        Description: change.Description ?? "",
        CreatedBy: change.UserName);

    public static TableRegistration From(SecurablePath name, string location, Snapshot snapshot) => new(
        name.Catalog,
        name.Schema!,
        name.Table!,
        location,
        DeltaColumns.From(snapshot.Schema),
        snapshot.Version,
        snapshot.SizeInBytes,
        snapshot.Files.Count,
        snapshot.Protocol.MinReaderVersion,
        snapshot.Protocol.MinWriterVersion,
        snapshot.PartitionColumns,
        snapshot.Configuration,
        Description: snapshot.Metadata.Description ?? "");
}
