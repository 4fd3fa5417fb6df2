using System.Globalization;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>
/// Reads back the type text the catalog keeps per column (Delta names, nested types as <c>array&lt;integer&gt;</c>,
/// <c>map&lt;string,double&gt;</c>, <c>struct&lt;a:long,b:string&gt;</c>) into a <see cref="DeltaType"/>. The text
/// drops nested nullability, so arrays, maps and struct fields read back as nullable (Delta's default).
/// </summary>
internal static partial class SparkTypeText
{
    public static DeltaType Parse(string text)
    {
        var type = text.Trim();
        if (Nested(type, "array") is { } element)
        {
            return new ArrayType(Parse(element), ContainsNull: true);
        }

        if (Nested(type, "map") is { } entry && TopLevel(entry, ',') is [var key, var value])
        {
            return new MapType(Parse(key), Parse(value), ValueContainsNull: true);
        }

        if (Nested(type, "struct") is { } fields)
        {
            return new StructType(fields.Length == 0 ? [] : TopLevel(fields, ',').Select(Field).ToList());
        }

        var m = DecimalPattern().Match(type);
        return m.Success
            ? new DecimalType(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : new PrimitiveType(type.ToLowerInvariant());
    }

    private static StructField Field(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new StructField(text.Trim(), PrimitiveType.String) : new StructField(text[..colon].Trim(), Parse(text[(colon + 1)..]));
    }

    // "array<x>" → "x" for kind "array"; null when the text is not that kind.
    private static string? Nested(string text, string kind) =>
        text.Length > kind.Length + 1 && text.StartsWith(kind + "<", StringComparison.OrdinalIgnoreCase) && text.EndsWith('>')
            ? text[(kind.Length + 1)..^1]
            : null;

    // Splits on separators outside <...> and (...), so map<string,struct<a:int,b:int>> splits once.
    private static List<string> TopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(':
                    depth++;
                    break;
                case '>' or ')':
                    depth--;
                    break;
                default:
                    if (text[i] == separator && depth == 0)
                    {
                        parts.Add(text[start..i]);
                        start = i + 1;
                    }

                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalPattern();
}
