namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>The kind of personal data a column holds.</summary>
public enum SemanticType
{
    Email,
    Phone,
    CreditCard,
    Iban,
    Ssn,
    IpAddress,
    MacAddress,
    DateOfBirth,
    PostalCode,
    PersonName,
    FreeTextWithPii,
    StreetAddress,
    Geolocation,
    Age,
    DateOfDeath,
    NationalId,
    PassportNumber,
    Ethnicity,
    Religion,
    Health,
    SexualOrientation,
    PoliticalOpinion,
    TradeUnionMembership,
}
