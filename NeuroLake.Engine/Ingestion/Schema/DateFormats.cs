namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>strptime formats tried on text columns DuckDB's sniffer left as VARCHAR, most specific first.</summary>
internal static class DateFormats
{
    public static IReadOnlyList<string> Dates { get; } =
    [
        "%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y",
        "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y", "%a %b %d %Y",
        "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y.%m.%d", "%d-%m-%Y", "%m-%d-%Y",
    ];

    public static IReadOnlyList<string> Timestamps { get; } =
    [
        "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
        "%b %d %Y %H:%M:%S", "%d %b %Y %H:%M:%S", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M",
        "%Y/%m/%d %H:%M:%S", "%a, %d %b %Y %H:%M:%S",
    ];

    /// <summary>Day-first twin of a month-first format, when a column parses both ways.</summary>
    public static string? DayFirstTwin(string format) => format.StartsWith("%m/%d/", StringComparison.Ordinal)
        ? "%d/%m/" + format[6..]
        : format.StartsWith("%m-%d-", StringComparison.Ordinal) ? "%d-%m-" + format[6..] : null;

    /// <summary>Name words that make an 8-digit number worth reading as YYYYMMDD.</summary>
    public static bool NameHintsDate(string columnName) => NameTokens.Of(columnName).Any(t =>
        t is "date" or "dt" or "day" or "dob" or "birth" or "birthday" or "born" or "ymd" or "yyyymmdd" or "dated" ||
        t.EndsWith("date", StringComparison.Ordinal));
}
