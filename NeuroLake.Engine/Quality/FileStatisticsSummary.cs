using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Quality;

/// <summary>
/// What a snapshot's Delta file statistics say without reading data: the row count, and each top-level column's null
/// count, minimum and maximum where every file has them. Deletion vectors leave the row count exact (their cardinality is
/// subtracted) but not the per-column counts, which are then left out; strings cut to 32 characters are not bounds.
/// </summary>
internal sealed class FileStatisticsSummary
{
    private const int StringPrefixLength = 32;

    private readonly Dictionary<string, ColumnFacts> _columns;

    private FileStatisticsSummary(long? rows, Dictionary<string, ColumnFacts> columns)
    {
        Rows = rows;
        _columns = columns;
    }

    /// <summary>Live rows; null when a file has no statistics.</summary>
    public long? Rows { get; }

    public ColumnFacts? Column(string name) => _columns.GetValueOrDefault(name);

    public static FileStatisticsSummary Of(Snapshot snapshot)
    {
        var stats = snapshot.Files.Select(f => (File: f, Stats: Parse(f.Stats))).ToList();
        if (stats.Any(s => s.Stats?["numRecords"] is null))
        {
            return new FileStatisticsSummary(null, []);
        }

        var rows = stats.Sum(s => s.Stats!["numRecords"]!.GetValue<long>() - (s.File.DeletionVector?.Cardinality ?? 0));
        var columns = new Dictionary<string, ColumnFacts>(StringComparer.Ordinal);
        if (stats.Any(s => s.File.DeletionVector is not null))
        {
            return new FileStatisticsSummary(rows, columns);
        }

        var partitioned = snapshot.PartitionColumns.ToHashSet(StringComparer.Ordinal);
        foreach (var field in snapshot.Schema.Fields.Where(f => !partitioned.Contains(f.Name)))
        {
            var nulls = stats.Select(s => s.Stats!["nullCount"]?[field.Name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : (long?)null).ToList();
            if (nulls.Any(n => n is null))
            {
                continue;
            }

            var min = Bound(stats.Select(s => s.Stats!["minValues"]?[field.Name]), lowest: true);
            var max = Bound(stats.Select(s => s.Stats!["maxValues"]?[field.Name]), lowest: false);
            columns[field.Name] = new ColumnFacts(nulls.Sum(n => n!.Value), min, max);
        }

        return new FileStatisticsSummary(rows, columns);
    }

    /// <summary>The lowest (or highest) of the files' bounds as text; null when a file has none or a string may be cut.</summary>
    private static string? Bound(IEnumerable<JsonNode?> values, bool lowest)
    {
        string? best = null;
        double? bestNumber = null;
        foreach (var node in values)
        {
            if (node is not JsonValue value)
            {
                return null;
            }

            if (value.GetValueKind() == JsonValueKind.Number)
            {
                var number = value.GetValue<double>();
                if (bestNumber is null || (lowest ? number < bestNumber : number > bestNumber))
                {
                    (best, bestNumber) = (value.ToJsonString(), number);
                }
            }
            else if (value.TryGetValue<string>(out var text) && text.Length < StringPrefixLength)
            {
                if (best is null || (lowest ? string.CompareOrdinal(text, best) < 0 : string.CompareOrdinal(text, best) > 0))
                {
                    best = text;
                }
            }
            else
            {
                return null;
            }
        }

        return best;
    }

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One column's null count and bounds as the file statistics give them (bounds null when unknown).</summary>
internal sealed record ColumnFacts(long Nulls, string? Min, string? Max);
