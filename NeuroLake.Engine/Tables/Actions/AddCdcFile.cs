namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>cdc</c> action: a change-data file for this version only (not part of the snapshot).</summary>
public sealed record AddCdcFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    bool DataChange,
    IReadOnlyDictionary<string, string?>? Tags = null) : DeltaAction;
