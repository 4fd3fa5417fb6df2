using NeuroLake.Engine.Metering;

namespace NeuroLake.Web.Api.Storage;

/// <summary>A table's latest version by partition, largest first; an unpartitioned table has no columns and one partition.</summary>
public sealed record StoragePartitionsJson(string Table, long Version, IReadOnlyList<string> Columns, IReadOnlyList<StoragePartitionJson> Partitions)
{
    public static StoragePartitionsJson From(string table, TablePartitions p) =>
        new(table, p.Version, p.Columns, p.Partitions.Select(x => new StoragePartitionJson(x.Values, x.Bytes, x.Files, x.Rows)).ToList());
}

/// <summary>One partition: its values in the columns' order (null for a null value), bytes, files, and rows (null when a file has no row count in its statistics).</summary>
public sealed record StoragePartitionJson(IReadOnlyList<string?> Values, long Bytes, long Files, long? Rows);
