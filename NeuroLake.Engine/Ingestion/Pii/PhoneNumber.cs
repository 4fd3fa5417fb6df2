using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// Phone numbers: E.164 (+ and 7 to 15 digits, separators allowed), North American (NXX NXX-XXXX with a
/// separator before the last four) and national forms with a trunk 0 and separators (9 to 11 digits).
/// An extension at the end is ignored. Bare digit runs count only when the column name says phone.
/// </summary>
internal static partial class PhoneNumber
{
    public static bool IsValid(string value, bool bareDigitsAllowed = false)
    {
        var v = Extension().Replace(value.Trim(), "");
        if (v.Length is < 7 or > 24)
        {
            return false;
        }
        var digits = Digits(v);
        if (v.StartsWith('+'))
        {
            return Separated().IsMatch(v[1..]) && digits.Length is >= 7 and <= 15 && digits[0] != '0';
        }
        if (NorthAmerican().IsMatch(v))
        {
            return true;
        }
        if (National().IsMatch(v))
        {
            return digits.Length is >= 9 and <= 11;
        }
        return bareDigitsAllowed && AllDigits().IsMatch(v) && v.Length is >= 10 and <= 15;
    }

    private static string Digits(string v) => new(v.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"^\d[\d ().-]*\d$")]
    private static partial Regex Separated();

    [GeneratedRegex(@"^(1[ .-]?)?(\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]\d{4}$")]
    private static partial Regex NorthAmerican();

    [GeneratedRegex(@"^(0\d{1,4}|\(0\d{1,4}\))([ .-]\d{2,8}){1,4}$")]
    private static partial Regex National();

    /// <summary>An extension after the number (" ext. 12", " x12", " #12") is dialled after connecting, not part of it.</summary>
    [GeneratedRegex(@"\s*(ext\.?|extension|x|#)\s*\d{1,6}$", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex AllDigits();
}
