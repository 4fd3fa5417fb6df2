namespace NeuroLake.Engine.Metering;

/// <summary>
/// What one table kept on one tier on one UTC day: the data files of its latest version, and the files only older
/// versions still need (time travel until VACUUM removes them), each as bytes and a file count.
/// </summary>
/// <param name="Table">Dotted name, <c>catalog.schema.table</c>.</param>
public sealed record StorageDay(
    DateOnly Day, string Table, StorageTier Tier, long CurrentBytes, long CurrentFiles, long OlderVersionsBytes, long OlderVersionsFiles)
{
    public long TotalBytes => CurrentBytes + OlderVersionsBytes;
}
