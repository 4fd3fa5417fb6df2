using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>Remove actions for live files, carrying what Delta asks writers to keep (partition values, size, stats).</summary>
internal static class Tombstones
{
    public static RemoveFile For(AddFile file, long deletionTimestamp, bool dataChange) =>
        new(file.Path, deletionTimestamp, dataChange, ExtendedFileMetadata: true, file.PartitionValues, file.Size, file.Stats, file.Tags);
}
