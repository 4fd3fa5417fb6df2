using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Catalog.SchemaHistory;

/// <summary>Which Delta type changes widen (every old value fits the new type) and which narrow or reinterpret.</summary>
internal static partial class DeltaTypeWidening
{
    private static readonly string[] IntegerOrder = ["byte", "short", "integer", "long"];

    /// <summary>Decimal digits an integer type needs before the point.</summary>
    private static readonly Dictionary<string, int> IntegerDigits = new() { ["byte"] = 3, ["short"] = 5, ["integer"] = 10, ["long"] = 20 };

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["int"] = "integer", ["bigint"] = "long", ["smallint"] = "short", ["tinyint"] = "byte",
        ["real"] = "float", ["bool"] = "boolean", ["varchar"] = "string", ["text"] = "string",
    };

    [GeneratedRegex(@"^decimal\((\d+),(\d+)\)$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Lower-case, no spaces, common SQL aliases mapped to Delta's names.</summary>
    public static string Normalize(string type)
    {
        var text = Whitespace().Replace(type.Trim().ToLowerInvariant(), "");
        if (text == "decimal")
        {
            return "decimal(10,0)";
        }

        return Aliases.GetValueOrDefault(text, text);
    }

    public static bool IsWidening(string from, string to)
    {
        var fromInteger = Array.IndexOf(IntegerOrder, from);
        var toInteger = Array.IndexOf(IntegerOrder, to);
        if (fromInteger >= 0 && toInteger >= 0)
        {
            return toInteger > fromInteger;
        }

        if (fromInteger >= 0 && fromInteger < 3 && to == "double")
        {
            return true;
        }

        if (from == "float" && to == "double")
        {
            return true;
        }

        if (from == "date" && to == "timestamp_ntz")
        {
            return true;
        }

        var toDecimal = Decimal(to);
        if (toDecimal is { } target)
        {
            if (IntegerDigits.TryGetValue(from, out var digits))
            {
                return target.Precision - target.Scale >= digits;
            }

            if (Decimal(from) is { } source)
            {
                return target.Scale >= source.Scale && target.Precision - target.Scale >= source.Precision - source.Scale;
            }
        }

        return false;
    }

    private static (int Precision, int Scale)? Decimal(string type)
    {
        var match = DecimalPattern().Match(type);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : null;
    }
}
