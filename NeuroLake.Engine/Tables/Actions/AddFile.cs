namespace NeuroLake.Engine.Tables.Actions;

/// <summary>
/// The <c>add</c> action: a data file that is part of the table. <see cref="Path"/> is a URI (relative to the table
/// root, or absolute), exactly as stored in the log; <see cref="PartitionValues"/> are the log's strings (null or
/// empty means a null value).
/// </summary>
public sealed record AddFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    long ModificationTime,
    bool DataChange,
    string? Stats = null,
    IReadOnlyDictionary<string, string?>? Tags = null,
    DeletionVectorDescriptor? DeletionVector = null,
    long? BaseRowId = null,
    long? DefaultRowCommitVersion = null,
    string? ClusteringProvider = null) : DeltaAction
{
    /// <summary>The logical-file key used by log replay: path plus deletion vector id.</summary>
    public (string Path, string? DvId) Key => (Path, DeletionVector?.UniqueId);
}
