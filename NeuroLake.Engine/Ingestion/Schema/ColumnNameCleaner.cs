using System.Globalization;
using System.Text;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>
/// Turns source column names into lower snake case identifiers matching [A-Za-z_][A-Za-z0-9_]*:
/// accents folded, other characters become underscores, a leading digit gets a "c_" prefix, an empty
/// name becomes column_N (N its 1-based position) and repeats get _2, _3 in order of appearance.
/// </summary>
public static class ColumnNameCleaner
{
    public static IReadOnlyList<string> Clean(IReadOnlyList<string> originals) =>
        Distinct(originals.Select(Snake).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The names with an empty one replaced by column_N (N its 1-based position) and repeats, as
    /// <paramref name="comparer"/> judges them, suffixed _2, _3 in order of appearance.
    /// </summary>
    internal static string[] Distinct(IReadOnlyList<string> names, StringComparer comparer)
    {
        var distinct = new string[names.Count];
        var taken = new HashSet<string>(comparer);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Length == 0 ? $"column_{i + 1}" : names[i];
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = $"{name}_{n}";
            }
            distinct[i] = candidate;
        }
        return distinct;
    }

    /// <summary>One name in lower snake case; empty when nothing usable is left.</summary>
    public static string Snake(string original)
    {
        var folded = Fold(original);
        var result = new StringBuilder(folded.Length + 2);
        var pendingUnderscore = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // camelCase and PascalCase boundaries: "unMember" -> "un_member", "HTTPCode" -> "http_code".
                var boundary = char.IsAsciiLetterUpper(c) && i > 0 && result.Length > 0 &&
                    (char.IsAsciiLetterLower(folded[i - 1]) || char.IsAsciiDigit(folded[i - 1]) ||
                     (char.IsAsciiLetterUpper(folded[i - 1]) && i + 1 < folded.Length && char.IsAsciiLetterLower(folded[i + 1])));
                if ((pendingUnderscore || boundary) && result.Length > 0)
                {
                    result.Append('_');
                }
                pendingUnderscore = false;
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingUnderscore = true;
            }
        }
        if (result.Length > 0 && char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, "c_");
        }
        return result.ToString();
    }

    /// <summary>Removes accents ("Café" -> "Cafe") so names stay readable in ASCII.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c switch { 'ß' => "ss", 'æ' => "ae", 'Æ' => "AE", 'ø' => "o", 'Ø' => "O", 'ł' => "l", 'Ł' => "L", _ => c.ToString() });
            }
        }
        return kept.ToString();
    }
}
