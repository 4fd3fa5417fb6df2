using NeuroLake.Engine.Catalog.SchemaHistory;

namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>
/// How the catalog's record of a table differs from the table as it is now (a write that bypassed NeuroLake).
/// <see cref="IsRegistered"/> false means the location is unknown to the catalog.
/// </summary>
public sealed record CatalogDrift(
    bool IsRegistered,
    long RecordedVersion,
    long ActualVersion,
    IReadOnlyList<SchemaChange> SchemaChanges)
{
    public bool VersionDiffers => RecordedVersion != ActualVersion;

    public bool HasDrift => !IsRegistered || VersionDiffers || SchemaChanges.Count > 0;
}
