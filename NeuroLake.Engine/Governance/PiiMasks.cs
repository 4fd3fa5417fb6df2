using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Governance;

/// <summary>The DuckDB expression that masks a column of a PII type; NULL stays NULL, every mask is VARCHAR.</summary>
internal static class PiiMasks
{
    public static string Describe(string piiType) => Kind(piiType) switch
    {
        MaskKind.Email => "first letter + ***@domain",
        MaskKind.Card => "last four digits",
        MaskKind.Name => "initials",
        _ => "[redacted]",
    };

    public static string Expression(string column, string piiType)
    {
        var value = $"CAST({SqlIdentifier.Quote(column)} AS VARCHAR)";
        var masked = Kind(piiType) switch
        {
            // Greedy up to the last @: j***@example.com; text without @ is not shown at all.
            MaskKind.Email => $"CASE WHEN strpos({value}, '@') > 1 THEN regexp_replace({value}, '^(.).*@', '\\1***@') ELSE '[redacted]' END",
            MaskKind.Card => $"'****' || right(regexp_replace({value}, '[^0-9]', '', 'g'), 4)",
            MaskKind.Name => $"regexp_replace(trim({value}), '(\\S)\\S*\\s*', '\\1.', 'g')",
            _ => "'[redacted]'",
        };
        return $"CASE WHEN {SqlIdentifier.Quote(column)} IS NULL THEN NULL ELSE {masked} END";
    }

    private static MaskKind Kind(string piiType) => piiType.ToLowerInvariant() switch
    {
        "email" => MaskKind.Email,
        "credit_card" or "card" or "payment_card" => MaskKind.Card,
        "person_name" or "name" => MaskKind.Name,
        _ => MaskKind.Redacted,
    };

    private enum MaskKind
    {
        Email,
        Card,
        Name,
        Redacted,
    }
}
