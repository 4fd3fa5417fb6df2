namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// A faster exact reading of ISO dates, for which DuckDB's sniffer reports the format <c>%Y-%m-%d</c>: strptime costs
/// about three times a cast per value, and for text of the exact digit shape <c>2024-01-05</c> the cast gives the same
/// date, or NULL, as strptime does (checked for every month and day 00–99 of a spread of years), so such text is cast
/// and any other text still goes through strptime (the cast alone would also take <c>2024-1-5x</c> or <c>2-01-01-05</c>).
/// </summary>
internal static class IsoDateShape
{
    /// <summary>The condition under which <c>TRY_CAST(text AS type)</c> equals strptime with the format; null when there is none.</summary>
    /// <param name="text">The source value as VARCHAR, already quoted.</param>
    public static string? CastCondition(string text, string format, string type) => (format, type) switch
    {
        ("%Y-%m-%d", "DATE") => $"{text} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
        _ => null,
    };
}
