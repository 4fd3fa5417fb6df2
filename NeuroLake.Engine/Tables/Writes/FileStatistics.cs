using System.Globalization;
using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>
/// Builds an add action's <c>stats</c> JSON (numRecords, minValues, maxValues, nullCount) from the Parquet footer
/// statistics DuckDB wrote, for primitive columns (also inside structs). Strings are cut to
/// <see cref="StringPrefixLength"/> characters, timestamps truncated to milliseconds, as Delta does.
/// </summary>
internal static class FileStatistics
{
    public const int StringPrefixLength = 32;

    public static (long NumRecords, string Json) Build(IReadOnlyList<ParquetColumnStats> chunks, StructType dataSchema)
    {
        var numRecords = chunks.GroupBy(c => c.RowGroupId).Sum(g => g.First().RowGroupRows);
        var byPath = chunks.GroupBy(c => c.PathInSchema).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var min = new JsonObject();
        var max = new JsonObject();
        var nulls = new JsonObject();
        Fill(dataSchema, "", byPath, min, max, nulls);
        var stats = new JsonObject
        {
            ["numRecords"] = numRecords,
            ["minValues"] = min,
            ["maxValues"] = max,
            ["nullCount"] = nulls,
        };
        return (numRecords, stats.ToJsonString());
    }

    private static void Fill(StructType schema, string prefix, Dictionary<string, List<ParquetColumnStats>> byPath, JsonObject min, JsonObject max, JsonObject nulls)
    {
        foreach (var field in schema.Fields)
        {
            var path = prefix + field.Name;
            if (field.Type is StructType nested)
            {
                var (nMin, nMax, nNulls) = (new JsonObject(), new JsonObject(), new JsonObject());
                Fill(nested, path + ", ", byPath, nMin, nMax, nNulls);
                AddIfAny(min, field.Name, nMin);
                AddIfAny(max, field.Name, nMax);
                AddIfAny(nulls, field.Name, nNulls);
                continue;
            }

            if (field.Type is not (PrimitiveType or DecimalType) || !byPath.TryGetValue(path, out var chunks))
            {
                continue;
            }

            if (chunks.All(c => c.NullCount is not null))
            {
                nulls[field.Name] = chunks.Sum(c => c.NullCount!.Value);
            }

            if (field.Type is PrimitiveType { Name: "boolean" or "binary" } || chunks.Any(c => c.Min is null || c.Max is null))
            {
                continue;
            }

            var low = chunks.Select(c => c.Min!).Aggregate((a, b) => Compare(field.Type, a, b) <= 0 ? a : b);
            var high = chunks.Select(c => c.Max!).Aggregate((a, b) => Compare(field.Type, a, b) >= 0 ? a : b);
            if (ToJson(field.Type, low, upper: false) is { } lowJson)
            {
                min[field.Name] = lowJson;
            }

            if (ToJson(field.Type, high, upper: true) is { } highJson)
            {
                max[field.Name] = highJson;
            }
        }
    }

    private static void AddIfAny(JsonObject target, string name, JsonObject value)
    {
        if (value.Count > 0)
        {
            target[name] = value;
        }
    }

    private static int Compare(DeltaType type, string a, string b) => type switch
    {
        PrimitiveType { Name: "long" or "integer" or "short" or "byte" } => long.Parse(a, CultureInfo.InvariantCulture).CompareTo(long.Parse(b, CultureInfo.InvariantCulture)),
        PrimitiveType { Name: "float" or "double" } => double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture)),
        DecimalType => decimal.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, NumberStyles.Float, CultureInfo.InvariantCulture)),
        PrimitiveType { Name: "timestamp" } => ParseInstant(a).CompareTo(ParseInstant(b)),
        _ => string.CompareOrdinal(a, b),
    };

    private static JsonNode? ToJson(DeltaType type, string text, bool upper)
    {
        switch (type)
        {
            case PrimitiveType { Name: "long" or "integer" or "short" or "byte" }:
                return long.Parse(text, CultureInfo.InvariantCulture);
            case PrimitiveType { Name: "float" or "double" }:
                var d = double.Parse(text, CultureInfo.InvariantCulture);
                return double.IsFinite(d) ? d : null;
            case DecimalType:
                return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            case PrimitiveType { Name: "date" }:
                return text;
            case PrimitiveType { Name: "timestamp" }:
                return TruncateToMillis(ParseInstant(text)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            case PrimitiveType { Name: "timestamp_ntz" }:
                var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
                return new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMillisecond)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
            case PrimitiveType { Name: "string" }:
                if (text.Length <= StringPrefixLength)
                {
                    return text;
                }

                // A prefix is a valid lower bound; a cut value is no upper bound, so long maxima are left out.
                var prefix = text[..StringPrefixLength];
                return upper ? null : char.IsHighSurrogate(prefix[^1]) ? prefix[..^1] : prefix;
            default:
                return null;
        }
    }

    private static DateTimeOffset ParseInstant(string text)
    {
        // DuckDB prints TIMESTAMPTZ as "2020-01-01 10:00:00.123+00" (session time zone UTC).
        var normalized = text.Length > 3 && (text[^3] == '+' || text[^3] == '-') ? text + ":00" : text;
        return DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
    }

    private static DateTimeOffset TruncateToMillis(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>A partition value as Delta serializes it (timestamps in ISO 8601 UTC); null stays null.</summary>
    public static string? PartitionValue(DeltaType type, string? duckDbText) => duckDbText is null
        ? null
        : type is PrimitiveType { Name: "timestamp" }
            ? ParseInstant(duckDbText).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
            : duckDbText;
}
