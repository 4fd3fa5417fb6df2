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
        var columns = ColumnSample.Read(connection, relation, options.SampleRows, ct);
        return ClassifyTable(columns, today).Where(f => f.Confidence >= options.Threshold).ToList();
    }

    /// <summary>Each column's best finding, in column order, including kinds only seen across columns (a latitude/longitude pair).</summary>
    internal static List<PiiFinding> ClassifyTable(IReadOnlyList<ColumnSample> columns, DateOnly today)
    {
        var pairs = CoordinatePair.Find(columns);
        var findings = new List<PiiFinding>();
        foreach (var column in columns)
        {
            var finding = Classify(column, today);
            if (pairs.TryGetValue(column.Name, out var located) && (finding is null || located.Confidence >= finding.Confidence))
            {
                finding = located;
            }
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }

    internal static PiiFinding? Classify(ColumnSample column, DateOnly today)
    {
        var values = column.Values;
        var specialHint = SpecialCategoryKinds.Any(t => PiiNameHints.Suggests(column.Name, t));
        // A yes/no column named union_member or hiv_positive is the special category itself, not a mere flag.
        if (values.Count == 0 || (values.Count >= 20 && values.Distinct().Take(3).Count() <= 2 && !specialHint))
        {
            return null;
        }
        var kind = column.DuckDbType;
        var isText = kind == "VARCHAR";
        var isInteger = Quality.ColumnKind.IsInteger(kind);
        var isNumber = isInteger || kind is "DOUBLE" or "FLOAT" or "REAL" || kind.StartsWith("DECIMAL", StringComparison.Ordinal);
        var isDate = kind is "DATE" || kind.StartsWith("TIMESTAMP", StringComparison.Ordinal);

        PiiFinding? best = null;
        void Consider(SemanticType type, Func<string, bool, bool> valid, bool hintRequired = false, Func<string?>? detail = null)
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
                best = new PiiFinding(column.Name, type, confidence, share, hint, values.Count, [type], detail?.Invoke());
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
            Consider(SemanticType.StreetAddress, (v, _) => StreetAddress.IsPlausible(v));
            Consider(SemanticType.Geolocation, (v, _) => Coordinate.IsPoint(v), detail: () => "POINT or lat,lon values");
            Consider(SemanticType.PassportNumber, (v, _) => PassportNumber.IsPlausible(v), hintRequired: true);
        }
        if (isText || (isInteger && specialHint))
        {
            foreach (var special in SpecialCategoryKinds)
            {
                Consider(special, SpecialCategoryValues.Validator(special, values));
            }
        }
        if (isText || isNumber)
        {
            Consider(SemanticType.Age, (v, _) => AgeValue.IsPlausible(v), hintRequired: true);
        }
        if (isText || isInteger)
        {
            Consider(SemanticType.CreditCard, (v, _) => PaymentCard.IsValid(v));
            Consider(SemanticType.Ssn, (v, hint) => SocialSecurityNumber.IsValid(v, bareDigitsAllowed: hint));
            Consider(SemanticType.Phone, (v, hint) => PhoneNumber.IsValid(v, bareDigitsAllowed: hint));
            Consider(SemanticType.PostalCode, (v, _) => PostalCode.IsValid(v), hintRequired: true);
            Consider(SemanticType.NationalId, (v, _) => NationalIds.NationalId.SchemeOf(v) is not null, detail: () => NationalIdSchemes(values));
        }
        if (isText || isDate)
        {
            Consider(SemanticType.DateOfBirth, (v, _) => BirthDate.IsPlausible(v, today), hintRequired: true);
            Consider(SemanticType.DateOfDeath, (v, _) => DeathDate.IsPlausible(v, today), hintRequired: true);
        }
        if (best is { Confidence: >= 0.5 } || !isText)
        {
            return best;
        }
        return FreeText(column) ?? best;
    }

    private static readonly SemanticType[] SpecialCategoryKinds =
        Enum.GetValues<SemanticType>().Where(SemanticTypeNames.IsSpecialCategory).ToArray();

    /// <summary>The schemes the sampled values satisfy, most common first, for the evidence.</summary>
    private static string NationalIdSchemes(IEnumerable<string> values) => string.Join(", ",
        values.Select(NationalIds.NationalId.SchemeOf).OfType<string>().GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3));

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
