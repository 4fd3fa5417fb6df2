using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// Judges a column's values against a special category. Without a name hint, at least three distinct vocabulary
/// terms must appear (one "Black" in a colour column is not ethnicity); with one, any short label counts, since a
/// column named religion or diagnosis holds that data whatever its codes are (numbers aside: age_at_diagnosis is an age).
/// </summary>
internal static partial class SpecialCategoryValues
{
    private const int MinDistinctTerms = 3;
    private const int MaxLabelLength = 60;

    public static Func<string, bool, bool> Validator(SemanticType type, IReadOnlyList<string> values)
    {
        var terms = SpecialCategoryVocabulary.Terms[type];
        var distinct = values.Select(Normalize).Where(v => terms.Contains(v) || (type == SemanticType.Health && IsDottedIcd10(v))).Distinct().Take(MinDistinctTerms).Count();
        var vocabularyStrong = distinct >= MinDistinctTerms;
        return (value, hint) =>
        {
            var v = Normalize(value);
            if (hint)
            {
                return IsLabel(v);
            }
            return vocabularyStrong && (terms.Contains(v) || SpecialCategoryVocabulary.NeutralAnswers.Contains(v) ||
                (type == SemanticType.Health && IsDottedIcd10(v)));
        };
    }

    /// <summary>A short label with a letter (a code like W1 or RC, a word), or a 0/1 flag; bare numbers are measures such as an age at diagnosis.</summary>
    private static bool IsLabel(string v) => v is "0" or "1" || (v.Length <= MaxLabelLength && v.Any(char.IsLetter));

    private static string Normalize(string value) => value.Trim().ToLowerInvariant().Replace('’', '\'');

    /// <summary>An ICD-10 code with its subcategory (E11.9, J45.909); without the dot it is too like a cell reference.</summary>
    private static bool IsDottedIcd10(string value) => Icd10().IsMatch(value);

    [GeneratedRegex(@"^[a-tv-z][0-9][0-9ab]\.[0-9a-z]{1,4}$")]
    private static partial Regex Icd10();
}
