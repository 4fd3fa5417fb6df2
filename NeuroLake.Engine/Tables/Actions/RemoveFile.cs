namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>remove</c> action: a tombstone for a data file no longer in the table.</summary>
public sealed record RemoveFile(
    string Path,
    long? DeletionTimestamp,
    bool DataChange,
    bool? ExtendedFileMetadata = null,
    IReadOnlyDictionary<string, string?>? PartitionValues = null,
    long? Size = null,
    string? Stats = null,
    IReadOnlyDictionary<string, string?>? Tags = null,
    DeletionVectorDescriptor? DeletionVector = null,
    long? BaseRowId = null,
    long? DefaultRowCommitVersion = null) : DeltaAction
{
    public (string Path, string? DvId) Key => (Path, DeletionVector?.UniqueId);
}
