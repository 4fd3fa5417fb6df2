using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// A Swedish personnummer or samordningsnummer (day + 60): YYMMDD-NNNC (+ for people over 100) or with a four-digit
/// year; C is the Luhn check digit over the ten digits YYMMDDNNN.
/// </summary>
internal static partial class SwedishPersonalIdentityNumber
{
    public const string Scheme = "Swedish personal identity number";

    public static bool IsValid(string value)
    {
        var match = Shape().Match(value.Trim());
        if (!match.Success)
        {
            return false;
        }
        var digits = match.Groups[1].Value + match.Groups[2].Value;
        var month = int.Parse(digits.AsSpan(2, 2));
        var day = int.Parse(digits.AsSpan(4, 2));
        return month is >= 1 and <= 12 && day is (>= 1 and <= 31) or (>= 61 and <= 91) && PaymentCard.Luhn(digits);
    }

    [GeneratedRegex(@"^(?:\d{2})?(\d{6})[-+]?(\d{4})$")]
    private static partial Regex Shape();
}
