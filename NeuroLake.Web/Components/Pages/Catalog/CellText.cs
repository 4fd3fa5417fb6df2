using System.Globalization;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>A result value as text in a grid cell: invariant culture, ISO times, nested values as their parts.</summary>
public static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 32))) + (bytes.Length > 32 ? "…" : ""),
        IDictionary<string, object?> fields => "{" + string.Join(", ", fields.Select(f => f.Key + ": " + Format(f.Value))) + "}",
        System.Collections.IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Format(k) + ": " + Format(map[k]))) + "}",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
