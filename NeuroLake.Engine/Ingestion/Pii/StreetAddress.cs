using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A street address: a house number beside a street name marked by a street word, number first (221B Baker Street,
/// 12 rue de la Paix) or after the name (Hauptstraße 5, Calle Mayor, 10, Via Roma 25). The first two comma-separated
/// parts are looked at, so a city or flat may follow or precede.
/// </summary>
internal static partial class StreetAddress
{
    public static bool IsPlausible(string value)
    {
        if (value.Length is < 5 or > 200)
        {
            return false;
        }
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(2, parts.Length); i++)
        {
            if (NumberFirst(parts[i]) || NameFirst(parts[i]) ||
                (i + 1 < parts.Length && HouseNumber().IsMatch(parts[i + 1]) && IsStreetName(Words(parts[i]))))
            {
                return true;
            }
        }
        return false;
    }

    private static bool NumberFirst(string part)
    {
        var match = NumberThenName().Match(part);
        if (!match.Success)
        {
            return false;
        }
        var words = Words(match.Groups[1].Value);
        return words.Length is >= 2 and <= 7 && (StreetWords.Leading.Contains(words[0]) ||
            words.Skip(1).Any(StreetWords.Trailing.Contains) || words.Any(StreetWords.IsCompound));
    }

    private static bool NameFirst(string part)
    {
        var match = NameThenNumber().Match(part);
        return match.Success && IsStreetName(Words(match.Groups[1].Value));
    }

    private static bool IsStreetName(string[] words) =>
        words.Length is >= 1 and <= 6 && !words.Any(w => w.Any(char.IsAsciiDigit)) &&
        ((words.Length >= 2 && StreetWords.Leading.Contains(words[0])) || words.Any(StreetWords.IsCompound) ||
         (words.Length >= 2 && StreetWords.Trailing.Contains(words[^1])));

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(?:No\.?\s*)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?,?\s+(\p{L}.*)$")]
    private static partial Regex NumberThenName();

    [GeneratedRegex(@"^(\p{L}[\p{L}\p{M}'./ -]*?)\s+(?:No\.?\s*|Nr\.?\s*|n\.?\s*º?\s*)?\d{1,5}\s?[A-Za-z]?(?:\s?[-/]\s?\d{1,5}[A-Za-z]?)?$")]
    private static partial Regex NameThenNumber();

    [GeneratedRegex(@"^(?:No\.?\s*|Nr\.?\s*|n\.?\s*º\s*)?\d{1,5}\s?[A-Za-z]?(?:\s?[-/]\s?\d{1,5}[A-Za-z]?)?$")]
    private static partial Regex HouseNumber();
}
