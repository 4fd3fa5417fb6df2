namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// The German Steuerliche Identifikationsnummer: 11 digits, no leading zero; among the first ten exactly one digit
/// repeats (twice, or three times but not three in a row) and the others occur once; the last is the ISO 7064
/// MOD 11,10 check digit.
/// </summary>
internal static class GermanTaxId
{
    public const string Scheme = "German tax ID (Steuer-ID)";

    public static bool IsValid(string value)
    {
        var id = NationalIdText.Compact(value);
        if (id.Length != 11 || !NationalIdText.AllDigits(id) || id[0] == '0' || !DigitsRepeatAsAllowed(id.AsSpan(0, 10)))
        {
            return false;
        }
        return CheckDigit(id.AsSpan(0, 10)) == id[10] - '0';
    }

    public static int CheckDigit(ReadOnlySpan<char> first10)
    {
        var product = 10;
        foreach (var c in first10)
        {
            var sum = (c - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    private static bool DigitsRepeatAsAllowed(ReadOnlySpan<char> digits)
    {
        Span<int> counts = stackalloc int[10];
        foreach (var c in digits)
        {
            counts[c - '0']++;
        }
        var repeated = -1;
        for (var d = 0; d < 10; d++)
        {
            if (counts[d] > 3 || (counts[d] > 1 && repeated >= 0))
            {
                return false;
            }
            if (counts[d] > 1)
            {
                repeated = d;
            }
        }
        if (repeated < 0)
        {
            return false;
        }
        var triple = new string((char)('0' + repeated), 3);
        return counts[repeated] == 2 || !digits.ToString().Contains(triple, StringComparison.Ordinal);
    }
}
