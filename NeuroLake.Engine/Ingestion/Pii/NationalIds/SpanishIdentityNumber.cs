using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// A Spanish DNI (eight digits and a letter) or NIE (X, Y or Z, seven digits and a letter; X, Y, Z count as 0, 1, 2):
/// the letter is TRWAGMYFPDXBNJZSQVHLCKE at the number modulo 23.
/// </summary>
internal static partial class SpanishIdentityNumber
{
    public const string Scheme = "Spanish DNI/NIE";
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static bool IsValid(string value)
    {
        var id = NationalIdText.Compact(value);
        if (!Shape().IsMatch(id))
        {
            return false;
        }
        var digits = id[0] switch
        {
            'X' => "0" + id[1..^1],
            'Y' => "1" + id[1..^1],
            'Z' => "2" + id[1..^1],
            _ => id[..^1],
        };
        return Letters[(int)(long.Parse(digits) % 23)] == id[^1];
    }

    [GeneratedRegex(@"^(\d{8}|[XYZ]\d{7})[A-Z]$")]
    private static partial Regex Shape();
}
