using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// The Italian codice fiscale of a person: 16 characters (surname, name, birth year, month letter, day, place, and
/// a control letter); digits may be replaced by LMNPQRSTUV where codes collide (omocodia). The control letter is the
/// sum of the odd-position values (a fixed table) and even-position values (0–25) modulo 26.
/// </summary>
internal static partial class ItalianFiscalCode
{
    public const string Scheme = "Italian fiscal code (codice fiscale)";

    // Values of 0-9 then A-Z at odd (1-based) positions, from the Ministry of Finance decree of 1976.
    private static readonly int[] OddDigits = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static readonly int[] OddLetters = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public static bool IsValid(string value)
    {
        var code = NationalIdText.Compact(value);
        return Shape().IsMatch(code) && ControlLetter(code.AsSpan(0, 15)) == code[15];
    }

    public static char ControlLetter(ReadOnlySpan<char> first15)
    {
        var sum = 0;
        for (var i = 0; i < first15.Length; i++)
        {
            var c = first15[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 1 ? index : char.IsAsciiDigit(c) ? OddDigits[index] : OddLetters[index];
        }
        return (char)('A' + sum % 26);
    }

    [GeneratedRegex(@"^[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$")]
    private static partial Regex Shape();
}
