using NeuroLake.Web.Api;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>Result rows as tab-separated text, the clipboard format spreadsheets paste into cells.</summary>
public static class TabSeparated
{
    public static string Line(IEnumerable<object?> values) => string.Join('\t', values.Select(Field));

    private static string Field(object? value)
    {
        if (value is null)
        {
            return "";
        }

        var text = ResultValueText.Format(value);
        return text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 || text.Contains('"', StringComparison.Ordinal)
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
