using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Web.Api;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>Result values as a chart plots them: numbers as doubles, dates and timestamps as ISO 8601 text plotly reads as dates.</summary>
public static class ChartValues
{
    /// <summary>The value as a finite number, or null when it is NULL, not a number, or not finite.</summary>
    public static double? Number(object? value)
    {
        double? number = value switch
        {
            sbyte or short or int or long or byte or ushort or uint or ulong or float or double or decimal =>
                Convert.ToDouble(value, CultureInfo.InvariantCulture),
            Int128 i => (double)i,
            UInt128 u => (double)u,
            DuckDbDecimal d => double.Parse(d.ToString(), CultureInfo.InvariantCulture),
            _ => null,
        };
        return number is { } n && double.IsFinite(n) ? n : null;
    }

    /// <summary>True when the value is a number of any width (finite or not).</summary>
    public static bool IsNumber(object? value) =>
        value is sbyte or short or int or long or byte or ushort or uint or ulong or float or double or decimal or Int128 or UInt128 or DuckDbDecimal;

    /// <summary>An x-axis value: a number, a date/time as ISO 8601 text, or the grid's text of anything else; null for NULL.</summary>
    public static object? Axis(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        // Plotly has no time zones: an instant is drawn at its wall-clock time in its own offset.
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        _ when IsNumber(value) => Number(value),
        _ => ResultValueText.Format(value),
    };
}
