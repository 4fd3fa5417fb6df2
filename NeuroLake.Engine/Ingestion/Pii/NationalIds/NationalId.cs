namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>Which country's national ID scheme a value satisfies, checked in order; null when none.</summary>
internal static class NationalId
{
    private static readonly (string Scheme, Func<string, bool> IsValid)[] Schemes =
    [
        (UkNationalInsuranceNumber.Scheme, UkNationalInsuranceNumber.IsValid),
        (ItalianFiscalCode.Scheme, ItalianFiscalCode.IsValid),
        (SpanishIdentityNumber.Scheme, SpanishIdentityNumber.IsValid),
        (FrenchSocialSecurityNumber.Scheme, FrenchSocialSecurityNumber.IsValid),
        (SwedishPersonalIdentityNumber.Scheme, SwedishPersonalIdentityNumber.IsValid),
        (GermanTaxId.Scheme, GermanTaxId.IsValid),
        (IndianAadhaarNumber.Scheme, IndianAadhaarNumber.IsValid),
        (DutchCitizenServiceNumber.Scheme, DutchCitizenServiceNumber.IsValid),
    ];

    public static string? SchemeOf(string value)
    {
        if (value.Length is < 8 or > 24)
        {
            return null;
        }
        foreach (var (scheme, isValid) in Schemes)
        {
            if (isValid(value))
            {
                return scheme;
            }
        }
        return null;
    }
}
