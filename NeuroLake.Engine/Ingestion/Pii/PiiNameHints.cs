namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// What a column name suggests. Words that describe something about the data rather than the data
/// itself (email_verified, zip_count, is_phone, ip_hash) cancel every hint.
/// </summary>
internal static class PiiNameHints
{
    private static readonly HashSet<string> Cancelling =
    [
        "count", "cnt", "total", "qty", "quantity", "sum", "avg", "mean", "pct", "percent", "rate", "ratio",
        "verified", "valid", "validated", "confirmed", "is", "has", "flag", "opt", "optin", "consent", "type",
        "status", "len", "length", "format", "domain", "hash", "hashed", "md5", "sha", "sha1", "sha256", "masked",
        "encrypted", "token", "tokenized", "version", "ver", "release", "build", "year", "years",
    ];

    private static readonly HashSet<string> PersonQualifiers =
    [
        "first", "last", "middle", "full", "given", "family", "sur", "maiden", "nick", "customer", "client",
        "employee", "patient", "person", "contact", "owner", "holder", "cardholder", "member", "guest",
        "passenger", "driver", "author", "recipient", "sender", "student", "teacher", "manager", "buyer", "seller",
        "applicant", "beneficiary", "emergency", "parent", "spouse", "doctor", "physician", "agent", "billing",
        "shipping", "legal", "birth", "mother", "father", "user",
    ];

    private static readonly HashSet<string> PersonNameWords =
    [
        "firstname", "lastname", "fullname", "surname", "forename", "givenname", "familyname", "middlename",
        "fname", "lname", "maidenname",
    ];

    public static bool Suggests(string columnName, SemanticType type)
    {
        var tokens = NameTokens.Of(columnName);
        if (tokens.Length == 0 || tokens.Any(Cancelling.Contains))
        {
            return false;
        }
        bool Has(params string[] words) => tokens.Any(words.Contains);
        return type switch
        {
            SemanticType.Email => Has("email", "mail", "emailaddress"),
            SemanticType.Phone => Has("phone", "tel", "telephone", "mobile", "cell", "fax", "msisdn", "phonenumber"),
            SemanticType.CreditCard => Has("card", "cc", "pan", "creditcard", "ccnum"),
            SemanticType.Iban => Has("iban", "bban"),
            SemanticType.Ssn => Has("ssn") || (Has("social") && Has("security")),
            SemanticType.IpAddress => Has("ip", "ipv4", "ipv6", "ipaddress", "ipaddr"),
            SemanticType.MacAddress => Has("mac", "macaddress", "hwaddr") || (Has("hw", "hardware") && Has("addr", "address")),
            SemanticType.DateOfBirth => Has("dob", "birth", "birthday", "birthdate", "bday", "born"),
            SemanticType.PostalCode => Has("zip", "zipcode", "postal", "postcode", "postalcode", "plz"),
            SemanticType.PersonName => Has(PersonNameWords.ToArray()) ||
                (tokens.Contains("name") && tokens.Any(PersonQualifiers.Contains)),
            _ => false,
        };
    }
}
