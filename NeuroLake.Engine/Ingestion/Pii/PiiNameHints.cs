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

    // A person's age is often counted in years; a rating, limit or the age of a thing is not personal.
    private static readonly HashSet<string> AgeCancelling =
    [
        "rating", "limit", "restriction", "min", "minimum", "max", "maximum", "days", "hours", "minutes", "seconds",
        "account", "stock", "inventory", "vehicle", "car", "building", "tree", "item", "product", "data", "cache", "file",
        "record", "asset", "equipment", "battery", "password", "session", "loan", "debt", "invoice", "ticket", "moon",
        "gap", "difference", "diff",
    ];

    private static readonly HashSet<string> NotStreet =
    [
        "email", "mail", "ip", "ipv4", "ipv6", "mac", "hw", "hardware", "web", "url", "wallet", "btc", "eth", "memory",
        "server", "host", "network", "contract", "bitcoin", "ethereum", "register", "pointer",
    ];

    public static bool SuggestsLatitude(string columnName) => Plain(columnName) is { } t && t.Any(w => w is "lat" or "latitude" or "breitengrad");

    public static bool SuggestsLongitude(string columnName) =>
        Plain(columnName) is { } t && t.Any(w => w is "lon" or "lng" or "long" or "longitude" or "laengengrad" or "langengrad");

    public static bool Suggests(string columnName, SemanticType type)
    {
        var tokens = NameTokens.Of(columnName);
        if (SemanticTypeNames.IsSpecialCategory(type))
        {
            return SpecialCategoryNameHints.Suggests(tokens, type);
        }
        if (type == SemanticType.Age)
        {
            // "age_years" is an age; the years/year words cancel other hints because they name counts and periods.
            tokens = tokens.Where(t => t is not ("years" or "year" or "yrs")).ToArray();
            return tokens.Length > 0 && !tokens.Any(Cancelling.Contains) && !tokens.Any(AgeCancelling.Contains) &&
                tokens.Any(t => t is "age" or "edad" or "alter" or "ageyears" or "agegroup" or "ageband" or "agerange");
        }
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
            SemanticType.StreetAddress => !Has(NotStreet.ToArray()) &&
                (Has("street", "address", "addr", "addressline", "streetaddress", "strasse", "adresse", "direccion", "indirizzo", "endereco", "anschrift") ||
                 (Has("line1", "line2") && tokens.Length == 1)),
            SemanticType.DateOfDeath => Has("dod", "death", "died", "deceased", "deathdate", "sterbedatum", "todesdatum", "defuncion", "deces"),
            SemanticType.NationalId => Has("nino", "bsn", "dni", "nie", "nif", "nir", "insee", "aadhaar", "aadhar", "personnummer", "steuerid",
                "idnr", "codicefiscale", "nationalid", "sofinummer", "burgerservicenummer") ||
                (Has("national", "citizen", "tax", "fiscal", "personal", "identity", "insurance", "codice", "steuer") && Has("id", "number", "no", "code", "nr", "num", "fiscale", "identifikationsnummer")),
            SemanticType.PassportNumber => Has("passport", "passportno", "passportnumber", "pasaporte", "passeport", "reisepass", "passaporto") &&
                !Has("expiry", "expires", "expiration", "issued", "issue", "country", "nationality", "photo", "scan", "image", "url", "file"),
            _ => false,
        };
    }

    /// <summary>The name's words, or null when a cancelling word makes it describe something about the data.</summary>
    private static string[]? Plain(string columnName)
    {
        var tokens = NameTokens.Of(columnName);
        return tokens.Length == 0 || tokens.Any(Cancelling.Contains) ? null : tokens;
    }
}
