using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// Counts, in one DuckDB aggregate over the sample, how many values of each column fit each candidate
/// reading (leading zeros, thousands separators, YYYYMMDD, each date format, the sniffer's type).
/// </summary>
internal sealed class ColumnProbe
{
    private const string ThousandsPattern = @"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?";
    private const string PlainNumberPattern = @"[+-]?[0-9]+(\.[0-9]+)?";

    private readonly Dictionary<string, long> _counts;

    private ColumnProbe(long rows, Dictionary<string, long> counts)
    {
        Rows = rows;
        _counts = counts;
    }

    public long Rows { get; }

    public long Count(int column, string kind) => _counts.TryGetValue($"c{column}_{kind}", out var n) ? n : 0;

    public static ColumnProbe Run(DuckDbConnection connection, string sampleTable, DetectedSource source, CancellationToken ct)
    {
        var parts = new List<string> { "count(*) AS rows" };
        for (var i = 0; i < source.Columns.Count; i++)
        {
            parts.AddRange(Expressions(i, source.Columns[i], source));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", parts)} FROM {sampleTable}", ct);
        reader.Read();
        for (var i = 1; i < reader.FieldCount; i++)
        {
            counts[reader.GetName(i)] = reader.IsDBNull(i) ? 0 : SqlValue.ToInt64(reader.GetValue(i));
        }
        return new ColumnProbe(reader.GetInt64(0), counts);
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
        yield return $"count_if(regexp_full_match({r}, '[+-]?0[0-9]+')) AS c{i}_leadingzero";
        yield return $"count_if(regexp_full_match({r}, '[0-9]{{8}}') AND year(try_strptime({r}, '%Y%m%d')) BETWEEN 1800 AND 2200) AS c{i}_yyyymmdd";
        yield return $"count_if(regexp_full_match({r}, '{ThousandsPattern}|{PlainNumberPattern}')) AS c{i}_number";
        yield return $"count_if(regexp_full_match({r}, '{ThousandsPattern}')) AS c{i}_grouped";
        yield return $"count(TRY_CAST(replace({r}, ',', '') AS BIGINT)) AS c{i}_bigint";
        yield return $"coalesce(max(length(split_part({r}, '.', 2))) FILTER (WHERE regexp_full_match({r}, '{ThousandsPattern}|{PlainNumberPattern}')), 0) AS c{i}_scale";
        if (column.ReadAsText && column.DuckDbType != "VARCHAR")
        {
            yield return $"count({TypedExpression.Parse(r, SniffedParse(source, column), column.DuckDbType, column.RawType)}) AS c{i}_sniffed";
        }
        if (column.DuckDbType != "VARCHAR")
        {
            yield break;
        }
        var formats = DateFormats.Dates.Concat(DateFormats.Timestamps).ToList();
        for (var f = 0; f < formats.Count; f++)
        {
            yield return $"count(try_strptime({r}, {SqlText.Literal(formats[f])})) AS c{i}_f{f}";
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
