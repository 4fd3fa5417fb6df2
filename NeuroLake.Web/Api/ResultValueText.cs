using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Api;

/// <summary>
/// A result value as text, culture-independent: what the results grid shows and copies, and the text of JSON values
/// that are not numbers. Timestamps are ISO 8601 (TIMESTAMPTZ with its offset), intervals ISO 8601 durations,
/// BLOBs base64, nested values their JSON.
/// </summary>
public static class ResultValueText
{
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatFloating(d),
        float f => FormatFloating(f),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DuckDbTimeTz timeTz => Format(timeTz.Time) + FormatOffset(timeTz.Offset),
        DuckDbInterval interval => FormatInterval(interval),
        Guid guid => guid.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        List<object?> or Dictionary<string, object?> or Dictionary<object, object?> => ToJson(value),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatFloating(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string FormatFloating(float value) =>
        float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : FormatFloating((double)value);

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 duration with signed parts, as PostgreSQL's iso_8601 interval style writes DuckDB's months/days/micros.</summary>
    private static string FormatInterval(DuckDbInterval interval)
    {
        var text = new StringBuilder("P");
        var years = interval.Months / 12;
        var months = interval.Months % 12;
        AppendPart(text, years, 'Y');
        AppendPart(text, months, 'M');
        AppendPart(text, interval.Days, 'D');
        if (interval.Micros != 0)
        {
            text.Append('T');
            var hours = interval.Micros / 3_600_000_000;
            var minutes = interval.Micros / 60_000_000 % 60;
            var micros = interval.Micros % 60_000_000;
            AppendPart(text, hours, 'H');
            AppendPart(text, minutes, 'M');
            if (micros != 0)
            {
                text.Append((micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void AppendPart(StringBuilder text, long amount, char designator)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    private static string ToJson(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ResultValueJson.WriterOptions))
        {
            ResultValueJson.Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
