using NeuroLake.Engine.Ingestion.Pii.NationalIds;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>
/// Synthetic national ID numbers in the spellings each country uses, and the same shapes with a wrong check character.
/// The check character is found by trying every candidate against the validator; the validators themselves are pinned
/// by <c>NationalIdChecksumTests</c> against published example numbers.
/// </summary>
internal sealed class NationalIdValues(Random random)
{
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public const int Schemes = 8;

    public string Valid(int scheme) => (scheme % Schemes) switch
    {
        0 => Nino(),
        1 => Format(Complete(() => TaxIdBody(), Digits, GermanTaxId.IsValid), random.Next(2) == 0 ? "" : "2 3 3 3"),
        2 => Format(Complete(() => NirBody(), Digits, FrenchSocialSecurityNumber.IsValid, checkLength: 2), random.Next(2) == 0 ? "" : "1 2 2 2 3 3 2"),
        3 => Format(Complete(() => Number(1, 8), Digits, DutchCitizenServiceNumber.IsValid), random.Next(2) == 0 ? "" : "4 2 3"),
        4 => Complete(() => DniBody(), Letters, SpanishIdentityNumber.IsValid),
        5 => Complete(() => FiscalCodeBody(), Letters, ItalianFiscalCode.IsValid),
        6 => Personnummer(valid: true),
        _ => Format(Complete(() => Number(2, 11), Digits, IndianAadhaarNumber.IsValid), random.Next(2) == 0 ? "" : "4 4 4"),
    };

    /// <summary>The same shapes with a check character that fails, and NINO-shaped codes with prefixes HMRC never issues.</summary>
    public string Invalid(int scheme) => (scheme % Schemes) switch
    {
        0 => $"{random.Next(2) switch { 0 => "QQ", _ => "GB" }}{Number(0, 6)}{Letters[random.Next(4)]}",
        1 => Break(TaxIdBody(), Digits, GermanTaxId.IsValid),
        2 => Break(NirBody(), Digits, FrenchSocialSecurityNumber.IsValid, checkLength: 2),
        3 => Break(Number(1, 8), Digits, DutchCitizenServiceNumber.IsValid),
        4 => Break(DniBody(), Letters, SpanishIdentityNumber.IsValid),
        5 => Break(FiscalCodeBody(), Letters, ItalianFiscalCode.IsValid),
        6 => Personnummer(valid: false),
        _ => Break(Number(2, 11), Digits, IndianAadhaarNumber.IsValid),
    };

    private string Nino()
    {
        const string first = "ABCEGHJKLMNPRSTWXYZ";
        const string second = "ABCEGHJKLMNPRSTWXYZ";
        string prefix;
        do
        {
            prefix = $"{first[random.Next(first.Length)]}{second[random.Next(second.Length)]}";
        }
        while (prefix is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ");
        var digits = Number(0, 6);
        var suffix = "ABCD"[random.Next(4)];
        return random.Next(2) == 0 ? $"{prefix}{digits}{suffix}" : $"{prefix} {digits[..2]} {digits[2..4]} {digits[4..]} {suffix}";
    }

    private string TaxIdBody()
    {
        // Ten digits, no leading zero, one digit doubled.
        string body;
        do
        {
            var pool = Digits.OrderBy(_ => random.Next()).Take(9).ToList();
            pool.Insert(random.Next(pool.Count + 1), pool[random.Next(pool.Count)]);
            body = string.Concat(pool);
        }
        while (body[0] == '0');
        return body;
    }

    private string NirBody() =>
        $"{random.Next(1, 3)}{random.Next(40, 100):00}{random.Next(1, 13):00}{(random.Next(10) == 0 ? (random.Next(2) == 0 ? "2A" : "2B") : random.Next(1, 96).ToString("00", System.Globalization.CultureInfo.InvariantCulture))}{random.Next(1, 990):000}{random.Next(1, 999):000}";

    private string DniBody() => random.Next(3) == 0 ? $"{"XYZ"[random.Next(3)]}{Number(0, 7)}" : Number(0, 8);

    private string FiscalCodeBody()
    {
        const string months = "ABCDEHLMPRST";
        var day = random.Next(1, 32) + (random.Next(2) == 0 ? 40 : 0);
        return $"{Word(6)}{random.Next(40, 100):00}{months[random.Next(12)]}{day:00}{Letters[random.Next(26)]}{random.Next(1, 999):000}";
    }

    private string Personnummer(bool valid)
    {
        var body = $"{random.Next(30, 100):00}{random.Next(1, 13):00}{random.Next(1, 29):00}{Number(0, 3)}";
        var full = valid ? Complete(() => body, Digits, d => SwedishPersonalIdentityNumber.IsValid(d)) : Break(body, Digits, SwedishPersonalIdentityNumber.IsValid);
        return random.Next(3) switch
        {
            0 => $"{full[..6]}-{full[6..]}",
            1 => $"19{full[..6]}{full[6..]}",
            _ => full,
        };
    }

    private string Complete(Func<string> body, string candidates, Func<string, bool> isValid, int checkLength = 1)
    {
        while (true)
        {
            var text = body();
            foreach (var check in Checks(candidates, checkLength))
            {
                if (isValid(text + check))
                {
                    return text + check;
                }
            }
        }
    }

    private string Break(string body, string candidates, Func<string, bool> isValid, int checkLength = 1)
    {
        var wrong = Checks(candidates, checkLength).Where(c => !isValid(body + c)).ToList();
        return body + wrong[random.Next(wrong.Count)];
    }

    private static IEnumerable<string> Checks(string candidates, int length) =>
        length == 1 ? candidates.Select(c => c.ToString()) : Enumerable.Range(0, 100).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    private string Number(int low, int digits) =>
        string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + (i == 0 && low > 0 ? random.Next(low, 10) : random.Next(10)))));

    private string Word(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => Letters[random.Next(26)]));

    /// <summary>Groups the digits as a country writes them: "2 3 3 3" puts spaces after the 2nd, 5th and 8th characters.</summary>
    private static string Format(string id, string groups)
    {
        if (groups.Length == 0)
        {
            return id;
        }
        var parts = new List<string>();
        var at = 0;
        foreach (var size in groups.Split(' ').Select(int.Parse))
        {
            parts.Add(id.Substring(at, Math.Min(size, id.Length - at)));
            at += size;
        }
        if (at < id.Length)
        {
            parts[^1] += id[at..];
        }
        return string.Join(' ', parts);
    }
}
