namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>How each kind is stored in the catalog (snake case) and shown to people.</summary>
public static class SemanticTypeNames
{
    /// <summary>The name stored in the catalog, e.g. credit_card.</summary>
    public static string Stored(SemanticType type) => type switch
    {
        SemanticType.CreditCard => "credit_card",
        SemanticType.IpAddress => "ip_address",
        SemanticType.MacAddress => "mac_address",
        SemanticType.DateOfBirth => "date_of_birth",
        SemanticType.PostalCode => "postal_code",
        SemanticType.PersonName => "person_name",
        SemanticType.FreeTextWithPii => "free_text_with_pii",
        SemanticType.StreetAddress => "street_address",
        SemanticType.DateOfDeath => "date_of_death",
        SemanticType.NationalId => "national_id",
        SemanticType.PassportNumber => "passport_number",
        SemanticType.SexualOrientation => "sexual_orientation",
        SemanticType.PoliticalOpinion => "political_opinion",
        SemanticType.TradeUnionMembership => "trade_union_membership",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The name people read, e.g. "Payment card number".</summary>
    public static string Readable(SemanticType type) => type switch
    {
        SemanticType.Email => "Email address",
        SemanticType.Phone => "Phone number",
        SemanticType.CreditCard => "Payment card number",
        SemanticType.Iban => "IBAN",
        SemanticType.Ssn => "US social security number",
        SemanticType.IpAddress => "IP address",
        SemanticType.MacAddress => "MAC address",
        SemanticType.DateOfBirth => "Date of birth",
        SemanticType.PostalCode => "Postal code",
        SemanticType.PersonName => "Person name",
        SemanticType.FreeTextWithPii => "Free text with personal data",
        SemanticType.StreetAddress => "Street address",
        SemanticType.Geolocation => "Geolocation (latitude/longitude)",
        SemanticType.Age => "Age",
        SemanticType.DateOfDeath => "Date of death",
        SemanticType.NationalId => "National ID number",
        SemanticType.PassportNumber => "Passport number",
        SemanticType.Ethnicity => "Racial or ethnic origin (special category)",
        SemanticType.Religion => "Religion or belief (special category)",
        SemanticType.Health => "Health data (special category)",
        SemanticType.SexualOrientation => "Sexual orientation (special category)",
        SemanticType.PoliticalOpinion => "Political opinion (special category)",
        SemanticType.TradeUnionMembership => "Trade union membership (special category)",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown semantic type."),
    };

    /// <summary>The kind a stored name means; false for names written by hand that are not a known kind.</summary>
    public static bool TryParse(string? stored, out SemanticType type)
    {
        foreach (var candidate in Enum.GetValues<SemanticType>())
        {
            if (string.Equals(Stored(candidate), stored?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>True for the GDPR Article 9 special categories of personal data.</summary>
    public static bool IsSpecialCategory(SemanticType type) => type is SemanticType.Ethnicity or SemanticType.Religion or
        SemanticType.Health or SemanticType.SexualOrientation or SemanticType.PoliticalOpinion or SemanticType.TradeUnionMembership;
}
