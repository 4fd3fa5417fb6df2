using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// A sample of a big table read as a few blocks of consecutive rows spread over each written file, so DuckDB reads only
/// the row groups holding them instead of the whole table: every file keeps the rows whose <c>file_row_number</c> falls
/// in one of <see cref="Blocks"/> ranges placed at an even stride over the table's row count.
/// </summary>
internal static class RowBlockSample
{
    /// <summary>
    /// Ranges per table: enough spread for the profile, few enough that most row groups stay unread. Each range costs a
    /// whole row group's decoding (about 50 ms of CPU at 1 GB), so 16 took a tenth of a 1 GB load's whole CPU beside
    /// DuckDB's COPY; 8 halve that and still reach every eighth of the table.
    /// </summary>
    public const int Blocks = 8;

    /// <summary>Rows of one block: the sample's size over <see cref="Blocks"/> in whole DuckDB vectors (2,048 rows), at least one.</summary>
    public static long BlockRows(long sampleRows) => Math.Max(1, sampleRows / Blocks / 2048) * 2048;

    /// <summary>
    /// The predicate over <c>file_row_number</c> and the rows it keeps (exact, from the files' record counts); null when
    /// a file has no record count, a column is named <c>file_row_number</c>, or the ranges would keep over twice the
    /// sample (many small files), where a hash sample over the whole table reads less than the blocks would.
    /// </summary>
    public static (string Filter, long Rows)? Plan(Snapshot snapshot, long sampleRows)
    {
        if (snapshot.Schema.Fields.Any(f => string.Equals(f.Name, "file_row_number", StringComparison.OrdinalIgnoreCase))
            || snapshot.Files.Any(f => f.DeletionVector is not null))
        {
            return null;
        }

        var counts = snapshot.Files.Select(f => Records(f.Stats)).ToList();
        if (counts.Count == 0 || counts.Any(c => c is null))
        {
            return null;
        }

        var total = counts.Sum(c => c!.Value);
        var largest = counts.Max(c => c!.Value);
        var block = BlockRows(sampleRows);
        var stride = Math.Max(block, total / Blocks);
        var starts = new List<long>();
        for (var start = 0L; start < largest; start += stride)
        {
            starts.Add(start);
        }

        var kept = counts.Sum(c => starts.Sum(s => Math.Clamp(c!.Value - s, 0, block)));
        if (kept > 2 * sampleRows)
        {
            return null;
        }

        var ranges = starts.Select(s => string.Create(CultureInfo.InvariantCulture, $"file_row_number BETWEEN {s} AND {s + block - 1}"));
        return ("(" + string.Join(" OR ", ranges) + ")", kept);
    }

    private static long? Records(string? stats)
    {
        if (stats is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(stats)?["numRecords"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
