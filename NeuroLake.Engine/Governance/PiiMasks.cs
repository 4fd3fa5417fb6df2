using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Governance;

/// <summary>The DuckDB expression that masks a column of a PII type; NULL stays NULL, every mask is VARCHAR.</summary>
internal static class PiiMasks
{
    private const string Redacted = "'[redacted]'";

    public static string Describe(string piiType) => Kind(piiType) switch
    {
        MaskKind.Email => "first letter + ***@domain",
        MaskKind.Card => "last four digits",
        MaskKind.Name => "initials",
        MaskKind.LastTwo => "last two characters",
        MaskKind.Decade => "age band of ten years",
        MaskKind.OneDecimal => "coordinates cut to one decimal (about 11 km)",
        MaskKind.Year => "year only",
        MaskKind.StreetRedacted => "street redacted, place after the last comma kept",
        _ => "[redacted]",
    };

    public static string Expression(string column, string piiType)
    {
        var value = $"CAST({SqlIdentifier.Quote(column)} AS VARCHAR)";
        var masked = Kind(piiType) switch
        {
            // Greedy up to the last @: j***@example.com; text without @ is not shown at all.
            MaskKind.Email => $"CASE WHEN strpos({value}, '@') > 1 THEN regexp_replace({value}, '^(.).*@', '\\1***@') ELSE {Redacted} END",
            MaskKind.Card => $"'****' || right(regexp_replace({value}, '[^0-9]', '', 'g'), 4)",
            MaskKind.Name => $"regexp_replace(trim({value}), '(\\S)\\S*\\s*', '\\1.', 'g')",
            MaskKind.LastTwo => $"'***' || right(regexp_replace({value}, '[^0-9A-Za-z]', '', 'g'), 2)",
            MaskKind.Decade => Decade(value),
            MaskKind.OneDecimal => $"regexp_replace({value}, '(\\d\\.\\d)\\d+', '\\1', 'g')",
            MaskKind.Year => $"CASE WHEN regexp_matches({value}, '^\\s*\\d{{4}}-') THEN left(trim({value}), 4) ELSE {Redacted} END",
            // The last part of "221B Baker Street, London" names a place many people share; a last part without letters is a house number.
            MaskKind.StreetRedacted => $"CASE WHEN regexp_matches({value}, ',[^,]*\\p{{L}}[^,]*$') THEN '[street redacted], ' || trim(regexp_extract({value}, ',([^,]*)$', 1)) ELSE {Redacted} END",
            _ => Redacted,
        };
        return $"CASE WHEN {SqlIdentifier.Quote(column)} IS NULL THEN NULL ELSE {masked} END";
    }

    private static string Decade(string value)
    {
        var years = $"TRY_CAST({value} AS DOUBLE)";
        var low = $"CAST(floor({years} / 10) * 10 AS INTEGER)";
        return $"CASE WHEN {years} >= 0 AND {years} <= 150 THEN CAST({low} AS VARCHAR) || '-' || CAST({low} + 9 AS VARCHAR) ELSE {Redacted} END";
    }

    private static MaskKind Kind(string piiType)
    {
        if (!SemanticTypeNames.TryParse(piiType, out var type))
        {
            return piiType.ToLowerInvariant() switch
            {
                "card" or "payment_card" => MaskKind.Card,
                "name" => MaskKind.Name,
                _ => MaskKind.Redacted,
            };
        }
        return type switch
        {
            SemanticType.Email => MaskKind.Email,
            SemanticType.CreditCard => MaskKind.Card,
            SemanticType.PersonName => MaskKind.Name,
            SemanticType.NationalId or SemanticType.PassportNumber => MaskKind.LastTwo,
            SemanticType.Age => MaskKind.Decade,
            SemanticType.Geolocation => MaskKind.OneDecimal,
            SemanticType.DateOfDeath => MaskKind.Year,
            SemanticType.StreetAddress => MaskKind.StreetRedacted,
            SemanticType.Phone or SemanticType.Iban or SemanticType.Ssn or SemanticType.IpAddress or SemanticType.MacAddress or
                SemanticType.DateOfBirth or SemanticType.PostalCode or SemanticType.FreeTextWithPii or SemanticType.Ethnicity or
                SemanticType.Religion or SemanticType.Health or SemanticType.SexualOrientation or SemanticType.PoliticalOpinion or
                SemanticType.TradeUnionMembership => MaskKind.Redacted,
            _ => throw new ArgumentOutOfRangeException(nameof(piiType), type, "Every semantic type needs a mask."),
        };
    }

    private enum MaskKind
    {
        Email,
        Card,
        Name,
        LastTwo,
        Decade,
        OneDecimal,
        Year,
        StreetRedacted,
        Redacted,
    }
}
