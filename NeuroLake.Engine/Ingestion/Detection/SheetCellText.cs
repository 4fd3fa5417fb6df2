using System.Globalization;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// The text a spreadsheet cell is written as in the staged CSV, in forms DuckDB's sniffer types without a hint:
/// ISO 8601 dates, invariant-culture numbers, true/false; an empty cell is an empty field (read as NULL).
/// </summary>
internal static class SheetCellText
{
    public static string Of(object? value) => value switch
    {
        null or DBNull => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date => Iso(date),
        TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    // A date without a time of day stays a date, so a date column is typed DATE rather than TIMESTAMP.
    private static string Iso(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.Millisecond == 0 ? date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Writes one field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break.</summary>
    public static void WriteField(TextWriter writer, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
