using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// Finds columns holding personal data from a bounded sample: each column's values are checked with
/// validators (Luhn, mod-97, SSN ranges, ...), the name adds a hint, and the best-scoring type is
/// reported when its confidence reaches the threshold. Columns with at most two distinct values among
/// twenty or more are flags or categories and are never flagged.
/// </summary>
public static class PiiDetector
{
    private const double ShareWeight = 0.85;
    private const double HintWeight = 0.15;

    /// <param name="relation">A table name, table function or parenthesised SELECT.</param>
    public static IReadOnlyList<PiiFinding> Detect(DuckDbConnection connection, string relation, PiiOptions? options = null, CancellationToken ct = default)
    {
        options ??= new PiiOptions();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var findings = new List<PiiFinding>();
        foreach (var column in ColumnSample.Read(connection, relation, options.SampleRows, ct))
        {
            if (Classify(column, today) is { } finding && finding.Confidence >= options.Threshold)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }

    internal static PiiFinding? Classify(ColumnSample column, DateOnly today)
    {
        var values = column.Values;
        if (values.Count == 0 || (values.Count >= 20 && values.Distinct().Take(3).Count() <= 2))
        {
            return null;
        }
        var kind = column.DuckDbType;
        var isText = kind == "VARCHAR";
        var isInteger = Quality.ColumnKind.IsInteger(kind);
        var isDate = kind is "DATE" || kind.StartsWith("TIMESTAMP", StringComparison.Ordinal);

        PiiFinding? best = null;
        void Consider(SemanticType type, Func<string, bool, bool> valid, bool hintRequired = false)
        {
            var hint = PiiNameHints.Suggests(column.Name, type);
            if (hintRequired && !hint)
            {
                return;
            }
            var share = (double)values.Count(v => valid(v, hint)) / values.Count;
            var confidence = Math.Min(1, ShareWeight * share + (hint ? HintWeight : 0));
            if (share > 0 && (best is null || confidence > best.Confidence))
            {
                best = new PiiFinding(column.Name, type, confidence, share, hint, values.Count, [type]);
            }
        }

        if (isText)
        {
            Consider(SemanticType.Email, (v, _) => EmailAddress.IsValid(v));
            Consider(SemanticType.Iban, (v, _) => Iban.IsValid(v));
            Consider(SemanticType.IpAddress, (v, hint) => (hint ? NetworkAddress.IsIPv4(v) : NetworkAddress.IsAddressLikeIPv4(v)) || NetworkAddress.IsIPv6(v));
            var separatedMacs = values.Count(NetworkAddress.IsMac) * 2 >= values.Count;
            Consider(SemanticType.MacAddress, (v, hint) => NetworkAddress.IsMac(v) || ((hint || separatedMacs) && NetworkAddress.IsBareMac(v)));
            Consider(SemanticType.PersonName, (v, _) => PersonName.IsPlausible(v), hintRequired: true);
        }
        if (isText || isInteger)
        {
            Consider(SemanticType.CreditCard, (v, _) => PaymentCard.IsValid(v));
            Consider(SemanticType.Ssn, (v, hint) => SocialSecurityNumber.IsValid(v, bareDigitsAllowed: hint));
            Consider(SemanticType.Phone, (v, hint) => PhoneNumber.IsValid(v, bareDigitsAllowed: hint));
            Consider(SemanticType.PostalCode, (v, _) => PostalCode.IsValid(v), hintRequired: true);
        }
        if (isText || isDate)
        {
            Consider(SemanticType.DateOfBirth, (v, _) => BirthDate.IsPlausible(v, today), hintRequired: true);
        }
        if (best is { Confidence: >= 0.5 } || !isText)
        {
            return best;
        }
        return FreeText(column) ?? best;
    }

    /// <summary>Text columns whose values carry PII inside sentences: two or more values with a validated hit.</summary>
    private static PiiFinding? FreeText(ColumnSample column)
    {
        var values = column.Values;
        if (values.Count(FreeTextScanner.LooksLikeText) * 2 < values.Count)
        {
            return null;
        }
        var found = values.Select(v => FreeTextScanner.Find(v).ToList()).Where(t => t.Count > 0).ToList();
        if (found.Count < 2)
        {
            return null;
        }
        var share = (double)found.Count / values.Count;
        var types = found.SelectMany(t => t).Distinct().Order().ToList();
        return new PiiFinding(column.Name, SemanticType.FreeTextWithPii, 0.6 + 0.4 * share, share, false, values.Count, types);
    }
}
