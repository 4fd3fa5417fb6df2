namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A payment card number: 13 to 19 digits (spaces or dashes allowed), a known issuer prefix with a length
/// that issuer uses, and a valid Luhn check digit. The prefix rule keeps order numbers that pass Luhn out.
/// </summary>
internal static class PaymentCard
{
    public static bool IsValid(string value)
    {
        var digits = new char[value.Length];
        var n = 0;
        foreach (var c in value.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return false;
            }
        }
        var number = new string(digits, 0, n);
        return n is >= 13 and <= 19 && KnownIssuer(number) && Luhn(number);
    }

    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static bool KnownIssuer(string n)
    {
        int Prefix(int length) => int.Parse(n.AsSpan(0, length));
        var length = n.Length;
        return n[0] switch
        {
            '4' => length is 13 or 16 or 19,                                                      // Visa
            '5' => Prefix(2) is >= 51 and <= 55 && length == 16,                                  // Mastercard
            '2' => Prefix(4) is >= 2221 and <= 2720 && length == 16,                              // Mastercard 2-series
            '3' => (Prefix(2) is 34 or 37 && length == 15)                                        // American Express
                   || (Prefix(4) is >= 3528 and <= 3589 && length is >= 16 and <= 19)             // JCB
                   || ((Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38 or 39) && length is >= 14 and <= 19), // Diners
            '6' => (Prefix(4) == 6011 || Prefix(3) is >= 644 and <= 649 || Prefix(2) is 65 or 62) && length is >= 16 and <= 19, // Discover, UnionPay
            _ => false,
        };
    }
}
