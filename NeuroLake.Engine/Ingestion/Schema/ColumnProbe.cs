using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// Counts how many sampled values of each column fit each candidate reading (leading zeros, thousands
/// separators, YYYYMMDD, the sniffer's type, date formats). One aggregate gets the counts and each text
/// column's smallest and largest value; date formats are then counted only where both of those parse,
/// so wide files do not pay for every format on every column.
/// </summary>
internal sealed class ColumnProbe
{
    private const string ThousandsPattern = @"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?";
    private const string PlainNumberPattern = @"[+-]?[0-9]+(\.[0-9]+)?";

    private static readonly IReadOnlyList<string> Formats = [.. DateFormats.Dates, .. DateFormats.Timestamps];

    private readonly Dictionary<string, long> _counts;

    private ColumnProbe(long rows, Dictionary<string, long> counts)
    {
        Rows = rows;
        _counts = counts;
    }

    public long Rows { get; }

    public long Count(int column, string kind) => _counts.TryGetValue($"c{column}_{kind}", out var n) ? n : 0;

    /// <summary>Columns per aggregate: DuckDB plans a SELECT of thousands of aggregates far slower than several smaller ones over the in-memory sample.</summary>
    private const int ColumnsPerQuery = 50;

    public static ColumnProbe Run(DuckDbConnection connection, string sampleTable, DetectedSource source, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var ends = new Dictionary<int, (string Min, string Max)>();
        var rows = SqlValue.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {sampleTable}", ct));
        for (var first = 0; first < source.Columns.Count; first += ColumnsPerQuery)
        {
            var parts = new List<string>();
            for (var i = first; i < Math.Min(first + ColumnsPerQuery, source.Columns.Count); i++)
            {
                parts.AddRange(Expressions(i, source.Columns[i], source));
            }
            using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", parts)} FROM {sampleTable}", ct);
            reader.Read();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (!name.EndsWith("_ends", StringComparison.Ordinal))
                {
                    counts[name] = reader.IsDBNull(i) ? 0 : SqlValue.ToInt64(reader.GetValue(i));
                }
                else if (!reader.IsDBNull(i) && reader.GetValue(i) is List<object?> { Count: 2 } pair && pair[0] is string min && pair[1] is string max &&
                         CouldBeDate(min) && CouldBeDate(max))
                {
                    ends[int.Parse(name.AsSpan(1, name.IndexOf('_') - 1))] = (min, max);
                }
            }
        }
        CountDateFormats(connection, sampleTable, source, ends, counts, ct);
        return new ColumnProbe(rows, counts);
    }

    /// <summary>Every candidate format has a day and a year, so a date has at least two runs of digits.</summary>
    private static bool CouldBeDate(string value)
    {
        if (value.Length > 40)
        {
            return false;
        }
        var runs = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]) && (i == 0 || !char.IsAsciiDigit(value[i - 1])))
            {
                runs++;
            }
        }
        return runs >= 2;
    }

    private static void CountDateFormats(
        DuckDbConnection connection, string sampleTable, DetectedSource source, Dictionary<int, (string Min, string Max)> ends,
        Dictionary<string, long> counts, CancellationToken ct)
    {
        foreach (var chunk in ends.Chunk(ColumnsPerQuery / 5))
        {
            CountDateFormats(connection, sampleTable, source, chunk, counts, ct);
        }
    }

    private static void CountDateFormats(
        DuckDbConnection connection, string sampleTable, DetectedSource source, KeyValuePair<int, (string Min, string Max)>[] ends,
        Dictionary<string, long> counts, CancellationToken ct)
    {
        // Which formats read both the smallest and the largest value: constants only, no scan.
        var checks = ends.SelectMany(e => Formats.Select((format, f) =>
            $"try_strptime({SqlText.Literal(e.Value.Min)}, {SqlText.Literal(format)}) IS NOT NULL AND " +
            $"try_strptime({SqlText.Literal(e.Value.Max)}, {SqlText.Literal(format)}) IS NOT NULL AS c{e.Key}_f{f}")).ToList();
        var candidates = new List<string>();
        using (var reader = connection.ExecuteReader($"SELECT {string.Join(", ", checks)}", ct))
        {
            reader.Read();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetBoolean(i))
                {
                    candidates.Add(reader.GetName(i));
                }
            }
        }
        if (candidates.Count == 0)
        {
            return;
        }
        var expressions = candidates.Select(alias =>
        {
            var column = int.Parse(alias.AsSpan(1, alias.IndexOf('_') - 1));
            var format = Formats[int.Parse(alias.AsSpan(alias.LastIndexOf('f') + 1))];
            return $"count(try_strptime({SqlText.Identifier(source.Columns[column].Name)}, {SqlText.Literal(format)})) AS {alias}";
        });
        using var counted = connection.ExecuteReader($"SELECT {string.Join(", ", expressions)} FROM {sampleTable}", ct);
        counted.Read();
        for (var i = 0; i < counted.FieldCount; i++)
        {
            counts[counted.GetName(i)] = SqlValue.ToInt64(counted.GetValue(i));
        }
    }

    /// <summary>True when the sample holds the column as text (every CSV column, VARCHAR in JSON and Parquet).</summary>
    public static bool IsText(DetectedSource source, SourceColumn column) => column.RawType == "VARCHAR";

    private static IEnumerable<string> Expressions(int i, SourceColumn column, DetectedSource source)
    {
        var r = SqlText.Identifier(column.Name);
        yield return $"count({r}) AS c{i}_n";
        if (column.DuckDbType == "JSON")
        {
            yield return $"count_if(json_type({r}) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')) AS c{i}_jsonscalar";
            yield break;
        }
        if (!IsText(source, column))
        {
            yield break;
        }
        // Cheap tests guard each regex (CASE only evaluates THEN where WHEN holds).
        yield return $"count_if(CASE WHEN starts_with(ltrim({r}, '+-'), '0') THEN regexp_full_match({r}, '[+-]?0[0-9]+') ELSE false END) AS c{i}_leadingzero";
        if (DateFormats.NameHintsDate(column.Name))
        {
            yield return $"count_if(CASE WHEN regexp_full_match({r}, '[0-9]{{8}}') THEN year(try_strptime({r}, '%Y%m%d')) BETWEEN 1800 AND 2200 ELSE false END) AS c{i}_yyyymmdd";
        }
        yield return $"count_if(CASE WHEN TRY_CAST(replace({r}, ',', '') AS DOUBLE) IS NOT NULL THEN regexp_full_match({r}, '{ThousandsPattern}|{PlainNumberPattern}') ELSE false END) AS c{i}_number";
        yield return $"count_if(CASE WHEN contains({r}, ',') THEN regexp_full_match({r}, '{ThousandsPattern}') ELSE false END) AS c{i}_grouped";
        yield return $"count(TRY_CAST(replace({r}, ',', '') AS BIGINT)) AS c{i}_bigint";
        // Only read when every value is number-shaped, so any value with a '.' has a fraction after it.
        yield return $"coalesce(max(length(split_part({r}, '.', 2))) FILTER (WHERE contains({r}, '.')), 0) AS c{i}_scale";
        if (column.ReadAsText && column.DuckDbType != "VARCHAR")
        {
            yield return $"count({TypedExpression.Parse(r, SniffedParse(source, column), column.DuckDbType, column.RawType)}) AS c{i}_sniffed";
        }
        if (column.DuckDbType == "VARCHAR")
        {
            yield return $"[min({r}), max({r})] AS c{i}_ends";
        }
    }

    /// <summary>How the sniffer's own type is read from the text: with its date or timestamp format if it found one.</summary>
    public static ParseMethod SniffedParse(DetectedSource source, SourceColumn column) =>
        (column.DuckDbType, source.Dialect) switch
        {
            ("DATE", { DateFormat: { Length: > 0 } date }) => ParseMethod.Strptime(date),
            ("TIMESTAMP", { TimestampFormat: { Length: > 0 } timestamp }) => ParseMethod.Strptime(timestamp),
            _ => ParseMethod.Cast,
        };
}
