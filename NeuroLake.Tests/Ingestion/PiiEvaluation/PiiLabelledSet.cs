using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>
/// A seeded set of labelled columns: for each pattern type, positives (under neutral and telling names, some with
/// a few junk values) and look-alike negatives (values shaped like the type that fail its rules), the same for the
/// kinds beyond the patterns (<see cref="PersonalKindColumns"/>), plus ordinary columns. The same seed always gives the same set.
/// </summary>
internal static class PiiLabelledSet
{
    public const int PositivesPerType = 180;
    public const int LookAlikesPerType = 80;
    public const int OrdinaryColumns = 260;

    public static readonly IReadOnlyDictionary<SemanticType, string[]> Hints = new Dictionary<SemanticType, string[]>
    {
        [SemanticType.Email] = ["email", "contact_email", "e_mail", "EmailAddress"],
        [SemanticType.Phone] = ["phone", "mobile_number", "tel", "PhoneNumber"],
        [SemanticType.CreditCard] = ["card_number", "cc_num", "credit_card", "pan"],
        [SemanticType.Iban] = ["iban", "bank_account", "account_iban", "IBAN"],
        [SemanticType.Ssn] = ["ssn", "social_security_number", "tax_ssn", "SSN"],
        [SemanticType.IpAddress] = ["ip", "client_ip", "ip_address", "remote_addr"],
        [SemanticType.MacAddress] = ["mac", "mac_address", "device_mac", "hw_addr"],
    }.Concat(PersonalKindColumns.Hints).ToDictionary();

    private static readonly string[] Neutral = ["col", "field", "value", "data", "attr", "c", "x", "info"];
    private static readonly string[] Junk = ["n/a", "unknown", "-", "none", "?"];

    public static List<LabelledColumn> Generate(int seed = 20261122)
    {
        var random = new Random(seed);
        var values = new PiiValueGenerator(random);
        var columns = new List<LabelledColumn>();
        var generators = new (SemanticType Type, Func<string> Positive, Func<string> LookAlike)[]
        {
            (SemanticType.Email, values.Email, values.NotEmail),
            (SemanticType.Phone, values.Phone, values.NotPhone),
            (SemanticType.CreditCard, values.Card, values.NotCard),
            (SemanticType.Iban, values.Iban, values.NotIban),
            (SemanticType.Ssn, values.Ssn, values.NotSsn),
            (SemanticType.IpAddress, values.IPv4, values.NotIPv4),
            (SemanticType.IpAddress, values.IPv6, values.NotIPv6),
            (SemanticType.MacAddress, values.Mac, values.NotMac),
        };
        foreach (var (type, positive, lookAlike) in generators)
        {
            var count = type == SemanticType.IpAddress ? PositivesPerType / 2 : PositivesPerType;
            for (var i = 0; i < count; i++)
            {
                var hinted = i % 3 == 0;
                var junk = i % 4 == 1 ? random.Next(1, 6) : 0;
                // Under a telling name, SSNs are often stored as bare digits.
                var bare = hinted && type == SemanticType.Ssn && i % 2 == 0;
                columns.Add(new LabelledColumn(
                    hinted ? values.Pick(Hints[type]) : $"{values.Pick(Neutral)}_{i}",
                    Column(random, bare ? () => positive().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) : positive, junk),
                    type,
                    hinted ? "positive, named" : "positive"));
            }

            var lookAlikes = type == SemanticType.IpAddress ? LookAlikesPerType / 2 : LookAlikesPerType;
            for (var i = 0; i < lookAlikes; i++)
            {
                columns.Add(new LabelledColumn($"{values.Pick(Neutral)}_{i}", Column(random, lookAlike, 0), null, $"look-alike of {type}"));
            }
        }

        new PersonalKindColumns(random, (value, junk) => Column(random, value, junk)).AddTo(columns, Neutral, PositivesPerType, LookAlikesPerType);

        for (var i = 0; i < OrdinaryColumns; i++)
        {
            columns.Add(new LabelledColumn($"{values.Pick(Neutral)}_{i}", Column(random, values.Generic, 0), null, "ordinary"));
        }

        return columns;
    }

    private static List<string> Column(Random random, Func<string> value, int junk)
    {
        var rows = random.Next(25, 60);
        var list = Enumerable.Range(0, rows).Select(_ => value()).ToList();
        for (var j = 0; j < junk; j++)
        {
            list[random.Next(rows)] = Junk[random.Next(Junk.Length)];
        }

        return list;
    }
}
