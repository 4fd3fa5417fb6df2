using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// Chooses a column's type from DuckDB's sniffed type and the probe counts: keeps leading-zero codes as
/// text, reads thousands separators, month-name and slash dates, and YYYYMMDD numbers when the name says date.
/// </summary>
internal static class TypeInference
{
    private static readonly HashSet<string> NumericTypes =
        ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE"];

    public static (string Type, ParseMethod Parse, string? Note) Decide(DetectedSource source, int i, ColumnProbe probe)
    {
        var column = source.Columns[i];
        var nonNull = probe.Count(i, "n");
        if (column.DuckDbType == "JSON")
        {
            return nonNull > 0 && probe.Count(i, "jsonscalar") == nonNull
                ? ("VARCHAR", new ParseMethod(ParseKind.JsonScalarText), "mixed scalar JSON values (e.g. text and numbers) read as text")
                : (column.DuckDbType, ParseMethod.AsRead, "values of different JSON shapes kept as JSON");
        }
        if (!ColumnProbe.IsText(source, column))
        {
            return (column.DuckDbType, ParseMethod.AsRead, null);
        }
        if (nonNull == 0)
        {
            return ("VARCHAR", ParseMethod.AsRead, "no values in the sample: kept as text");
        }
        var leadingZeros = probe.Count(i, "leadingzero");
        if (leadingZeros > 0 && (NumericTypes.Contains(column.DuckDbType) || probe.Count(i, "number") == nonNull))
        {
            return ("VARCHAR", ParseMethod.AsRead, $"{leadingZeros} sampled values have leading zeros: kept as text so codes like 00123 survive");
        }
        if (probe.Count(i, "yyyymmdd") == nonNull && DateFormats.NameHintsDate(column.Name))
        {
            return ("DATE", ParseMethod.Strptime("%Y%m%d"), "8-digit values that are all valid dates in a date-named column: read as YYYYMMDD");
        }
        if (column.DuckDbType != "VARCHAR")
        {
            var parse = ColumnProbe.SniffedParse(source, column);
            var failures = nonNull - probe.Count(i, "sniffed");
            return (column.DuckDbType, parse, failures > 0 ? $"{failures} sampled values do not read as {column.DuckDbType}; they become NULL and are flagged" : null);
        }
        if (probe.Count(i, "number") == nonNull && probe.Count(i, "grouped") > 0)
        {
            var scale = probe.Count(i, "scale");
            var type = scale > 0 ? $"DECIMAL(38,{Math.Min(scale, 18)})" : probe.Count(i, "bigint") == nonNull ? "BIGINT" : "DECIMAL(38,0)";
            return (type, ParseMethod.Thousands, "numbers with thousands separators (1,234,567)");
        }
        return DateOrText(i, probe, nonNull);
    }

    private static (string Type, ParseMethod Parse, string? Note) DateOrText(int i, ColumnProbe probe, long nonNull)
    {
        var formats = DateFormats.Dates.Concat(DateFormats.Timestamps).ToList();
        for (var f = 0; f < formats.Count; f++)
        {
            if (probe.Count(i, $"f{f}") != nonNull)
            {
                continue;
            }
            var type = f < DateFormats.Dates.Count ? "DATE" : "TIMESTAMP";
            var twin = DateFormats.DayFirstTwin(formats[f]);
            var ambiguous = twin is not null && probe.Count(i, $"f{formats.IndexOf(twin)}") == nonNull;
            var note = ambiguous
                ? $"values read as dates with '{formats[f]}', but day-first '{twin}' fits too: override if days come first"
                : $"values read as {type.ToLowerInvariant()}s with '{formats[f]}'";
            return (type, ParseMethod.Strptime(formats[f]), note);
        }
        return ("VARCHAR", ParseMethod.AsRead, null);
    }
}
