using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// One partition of a table's latest version: its values (in the table's partition column order; null is a null value)
/// and the bytes, files and rows of the data files that hold it. <see cref="Rows"/> is null when a file's add action
/// carries no <c>numRecords</c> statistic, since a partial sum would understate it.
/// </summary>
public sealed record PartitionFootprint(IReadOnlyList<string?> Values, long Bytes, long Files, long? Rows);

/// <summary>
/// A table's latest version by partition, largest first: an unpartitioned table is one partition with no values.
/// Counted from the snapshot's add actions, so files only older versions need are not in it.
/// </summary>
public sealed record TablePartitions(long Version, IReadOnlyList<string> Columns, IReadOnlyList<PartitionFootprint> Partitions)
{
    public static TablePartitions Of(long version, IReadOnlyList<string> columns, IReadOnlyList<AddFile> files)
    {
        var partitions = files
            .GroupBy(f => Key(columns, f), ValuesComparer.Instance)
            .Select(g =>
            {
                var rows = g.Select(WrittenFilesCleanup.RecordCount).ToList();
                return new PartitionFootprint(g.Key, g.Sum(f => f.Size), g.Count(), rows.All(r => r is not null) ? rows.Sum() : null);
            })
            .OrderByDescending(p => p.Bytes)
            .ThenBy(p => string.Join('\u0000', p.Values), StringComparer.Ordinal)
            .ToList();
        return new TablePartitions(version, columns, partitions);
    }

    // The log writes a null partition value as null or as an empty string; both mean null.
    private static IReadOnlyList<string?> Key(IReadOnlyList<string> columns, AddFile file) =>
        columns.Select(c => file.PartitionValues.TryGetValue(c, out var v) && !string.IsNullOrEmpty(v) ? v : null).ToList();

    private sealed class ValuesComparer : IEqualityComparer<IReadOnlyList<string?>>
    {
        public static readonly ValuesComparer Instance = new();

        public bool Equals(IReadOnlyList<string?>? x, IReadOnlyList<string?>? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);

        public int GetHashCode(IReadOnlyList<string?> values)
        {
            var hash = new HashCode();
            foreach (var v in values)
            {
                hash.Add(v, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
