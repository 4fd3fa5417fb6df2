using System.Globalization;
using System.Numerics;
using System.Text;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>Realistic values of each pattern type in the spellings people use, and values that only look like them.</summary>
internal sealed class PiiValueGenerator(Random random)
{
    private static readonly string[] First = ["anna", "bob", "chen", "dmitri", "eva", "farah", "goran", "hana", "ivan", "jose", "kofi", "lena", "mia", "noah", "olga", "priya"];
    private static readonly string[] Last = ["smith", "mueller", "garcia", "nguyen", "okafor", "rossi", "kowalski", "tanaka", "silva", "dubois", "larsen", "haddad"];
    private static readonly string[] Domains = ["example.com", "mail.example.org", "corp.example.co.uk", "uni-example.de", "example.io", "sub.example.net", "example.fr"];
    private static readonly string[] Words = ["red", "blue", "alpha", "delta", "north", "south", "pending", "shipped", "lorem", "ipsum", "widget", "gadget", "berlin", "paris", "tokyo"];

    public string Pick(string[] items) => items[random.Next(items.Length)];

    private string DigitsOf(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private string Hex(int count, bool upper = false)
    {
        var text = string.Concat(Enumerable.Range(0, count).Select(_ => "0123456789abcdef"[random.Next(16)]));
        return upper ? text.ToUpperInvariant() : text;
    }

    public string Email()
    {
        var local = random.Next(6) switch
        {
            0 => $"{Pick(First)}.{Pick(Last)}",
            1 => $"{Pick(First)}{random.Next(1, 999)}",
            2 => $"{Pick(First)[0]}{Pick(Last)}",
            3 => $"{Pick(First)}+{Pick(Words)}",
            4 => $"{Pick(First)}_{Pick(Last)}".ToUpperInvariant(),
            _ => $"{Pick(Last)}-{Pick(First)}",
        };
        return random.Next(8) == 0 ? $" {local}@{Pick(Domains).ToUpperInvariant()} " : $"{local}@{Pick(Domains)}";
    }

    public string NotEmail() => random.Next(6) switch
    {
        0 => $"{Pick(First)}(at){Pick(Domains)}",
        1 => $"@{Pick(First)}_{Pick(Words)}",
        2 => $"{Pick(First)}@localhost",
        3 => $"{Pick(First)}@{Pick(Words)}",
        4 => $"{Pick(First)} at {Pick(Domains)}",
        _ => $"{Pick(Words)}@{random.Next(100)}",
    };

    public string Phone() => random.Next(11) switch
    {
        8 => $"+1-{random.Next(201, 990)}-{random.Next(200, 999)}-{DigitsOf(4)} ext. {random.Next(1, 999)}",
        9 => $"+86 1{random.Next(30, 90)} {DigitsOf(4)} {DigitsOf(4)}",
        10 => $"+1.{random.Next(201, 990)}.{random.Next(200, 999)}.{DigitsOf(4)}",
        0 => $"+1 {random.Next(201, 990)}-{random.Next(200, 999)}-{DigitsOf(4)}",
        1 => $"({random.Next(201, 990)}) {random.Next(200, 999)}-{DigitsOf(4)}",
        2 => $"{random.Next(201, 990)}.{random.Next(200, 999)}.{DigitsOf(4)}",
        3 => $"+44 20 {DigitsOf(4)} {DigitsOf(4)}",
        4 => $"+49 30 {random.Next(1000000, 99999999)}",
        5 => $"0{random.Next(20, 99)} {DigitsOf(4)} {DigitsOf(4)}",
        6 => $"0{random.Next(1, 9)} {DigitsOf(2)} {DigitsOf(2)} {DigitsOf(2)} {DigitsOf(2)}",
        _ => $"+33 {random.Next(1, 9)} {DigitsOf(2)} {DigitsOf(2)} {DigitsOf(2)} {DigitsOf(2)}",
    };

    public string NotPhone() => random.Next(7) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 999)},{DigitsOf(3)},{DigitsOf(3)}.{DigitsOf(2)}"),
        1 => $"{random.Next(2000, 2030)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        2 => $"{DigitsOf(5)}-{DigitsOf(4)}",
        3 => $"978-{random.Next(0, 9)}-{DigitsOf(3)}-{DigitsOf(5)}-{random.Next(10)}",
        4 => $"ORD-{random.Next(2019, 2026)}-{DigitsOf(6)}",
        5 => $"{random.Next(1, 20)}.{random.Next(0, 20)}.{DigitsOf(5)}.{random.Next(1, 999)}",
        _ => DigitsOf(10),
    };

    public string Card()
    {
        var (prefix, length) = random.Next(6) switch
        {
            0 => ("4", 16),
            1 => ($"{random.Next(51, 56)}", 16),
            2 => ($"{random.Next(2221, 2721)}", 16),
            3 => (random.Next(2) == 0 ? "34" : "37", 15),
            4 => ("6011", 16),
            _ => ($"{random.Next(3528, 3590)}", 16),
        };
        var body = prefix + DigitsOf(length - prefix.Length - 1);
        var number = body + LuhnDigit(body);
        return random.Next(3) switch
        {
            0 => number,
            1 => Grouped(number, ' '),
            _ => Grouped(number, '-'),
        };
    }

    public string NotCard()
    {
        var value = random.Next(4) switch
        {
            // A card-shaped number whose check digit is wrong.
            0 => Broken("4" + DigitsOf(14)),
            1 => $"1Z{Hex(6, upper: true)}{DigitsOf(10)}",
            2 => "9" + DigitsOf(15),
            _ => $"{DigitsOf(4)}-{DigitsOf(4)}-{DigitsOf(4)}",
        };
        return value;

        string Broken(string body) => body + (char)('0' + (LuhnDigit(body) - '0' + 1 + random.Next(8)) % 10);
    }

    public string Iban()
    {
        var (country, bban) = random.Next(5) switch
        {
            0 => ("DE", DigitsOf(18)),
            1 => ("GB", $"{Letters(4)}{DigitsOf(14)}"),
            2 => ("FR", DigitsOf(23)),
            3 => ("NL", $"{Letters(4)}{DigitsOf(10)}"),
            _ => ("ES", DigitsOf(20)),
        };
        var iban = country + IbanCheck(country, bban) + bban;
        return random.Next(3) switch
        {
            0 => iban,
            1 => Grouped(iban, ' ', 4),
            _ => Grouped(iban, ' ', 4).ToLowerInvariant(),
        };
    }

    public string NotIban() => random.Next(4) switch
    {
        0 => IbanWithWrongCheck(),
        1 => $"{Letters(4)}DE{Letters(2)}{(random.Next(2) == 0 ? "" : Letters(3))}",
        2 => $"{Letters(2)}{DigitsOf(2)}-{Hex(8, upper: true)}",
        _ => $"XX{DigitsOf(20)}",
    };

    public string Ssn()
    {
        var separator = random.Next(4) == 0 ? ' ' : '-';
        return $"{ValidArea():000}{separator}{random.Next(1, 100):00}{separator}{random.Next(1, 10000):0000}";
    }

    public string NotSsn() => random.Next(5) switch
    {
        0 => $"000-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}",
        1 => $"{random.Next(900, 1000)}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}",
        2 => $"{random.Next(2000, 2030)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        3 => $"{DigitsOf(3)}-{DigitsOf(3)}-{DigitsOf(3)}",
        _ => $"{DigitsOf(2)}-{DigitsOf(7)}",
    };

    public string IPv4() => random.Next(4) switch
    {
        0 => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
        1 => $"192.168.{random.Next(256)}.{random.Next(1, 255)}",
        _ => $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
    };

    public string NotIPv4() => random.Next(5) switch
    {
        0 => $"{random.Next(256, 999)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}",
        1 => $"{random.Next(1, 255)}.{random.Next(256)}.{random.Next(256)}",
        2 => $"1.3.6.1.4.1.{random.Next(1, 60000)}",
        3 => $"{random.Next(1, 7)}.{random.Next(0, 20)}.{random.Next(0, 200)}-{random.Next(1, 99)}-generic",
        _ => string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 999)}.{random.Next(100)}"),
    };

    public string IPv6() => random.Next(5) switch
    {
        4 => $"::ffff:{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
        0 => string.Join(':', Enumerable.Range(0, 8).Select(_ => Hex(4))),
        1 => $"2001:db8:{Hex(random.Next(1, 5))}::{Hex(random.Next(1, 5))}",
        2 => $"fe80::{Hex(4)}:{Hex(2)}ff:fe{Hex(2)}:{Hex(4)}",
        _ => string.Join(':', Enumerable.Range(0, 8).Select(_ => Hex(4, upper: true))),
    };

    public string NotIPv6() => random.Next(4) switch
    {
        0 => $"{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}",
        1 => $"{random.Next(1, 30)}:{random.Next(1, 20)}",
        2 => Hex(32),
        _ => $"{Hex(4)}-{Hex(4)}-{Hex(4)}",
    };

    public string Mac() => random.Next(4) switch
    {
        3 => Hex(12, upper: true),
        0 => string.Join(':', Enumerable.Range(0, 6).Select(_ => Hex(2))),
        1 => string.Join('-', Enumerable.Range(0, 6).Select(_ => Hex(2, upper: true))),
        _ => $"{Hex(4)}.{Hex(4)}.{Hex(4)}",
    };

    public string NotMac() => random.Next(4) switch
    {
        0 => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}",
        1 => $"{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}.{DigitsOf(3)}",
        2 => $"#{Hex(6, upper: true)}",
        _ => string.Join(':', Enumerable.Range(0, 4).Select(_ => Hex(2))),
    };

    public string Generic() => random.Next(6) switch
    {
        0 => random.Next(-5000, 100000).ToString(CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 1000).ToString("F2", CultureInfo.InvariantCulture),
        2 => $"{Pick(Words)} {Pick(Words)}",
        3 => $"{random.Next(2000, 2030)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        4 => $"SKU-{Hex(6, upper: true)}",
        _ => Pick(Words),
    };

    private string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('A' + random.Next(26))));

    private int ValidArea()
    {
        var area = random.Next(1, 900);
        return area == 666 ? 665 : area;
    }

    private string IbanWithWrongCheck()
    {
        var bban = DigitsOf(18);
        var check = int.Parse(IbanCheck("DE", bban), CultureInfo.InvariantCulture);
        return $"DE{(check + 1 + random.Next(90)) % 97 + 2:00}{bban}";
    }

    private static string IbanCheck(string country, string bban)
    {
        var text = new StringBuilder();
        foreach (var c in bban + country + "00")
        {
            text.Append(char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString());
        }

        var remainder = (int)(BigInteger.Parse(text.ToString(), CultureInfo.InvariantCulture) % 97);
        return (98 - remainder).ToString("00", CultureInfo.InvariantCulture);
    }

    private static char LuhnDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static string Grouped(string text, char separator, int size = 4) =>
        string.Join(separator, text.Chunk(size).Select(c => new string(c)));
}
