namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// What a column name suggests about special categories. Only words describing a derived figure cancel the hint:
/// hiv_status, is_union_member and blood_type still hold the data itself.
/// </summary>
internal static class SpecialCategoryNameHints
{
    private static readonly HashSet<string> Cancelling =
    [
        "count", "cnt", "total", "qty", "quantity", "sum", "avg", "mean", "pct", "percent", "rate", "ratio", "score",
        "hash", "hashed", "md5", "sha", "sha1", "sha256", "masked", "encrypted", "token", "tokenized", "len", "length",
        "format", "version", "insurance", "plan", "provider", "premium", "budget", "spend", "index",
    ];

    public static bool Suggests(string[] tokens, SemanticType type)
    {
        if (tokens.Length == 0 || tokens.Any(Cancelling.Contains))
        {
            return false;
        }
        bool Has(params string[] words) => tokens.Any(words.Contains);
        return type switch
        {
            SemanticType.Ethnicity => Has("race", "ethnicity", "ethnic", "ethnicorigin", "raza", "etnia", "ethnie", "ethnizitaet"),
            SemanticType.Religion => Has("religion", "religious", "faith", "konfession", "religionszugehoerigkeit", "religione"),
            SemanticType.Health => Has("diagnosis", "diagnoses", "diagnose", "icd", "icd10", "disease", "illness", "medical", "health",
                "disability", "allergy", "allergies", "medication", "medications", "symptom", "symptoms", "hiv", "pregnant",
                "pregnancy", "comorbidity", "comorbidities", "bloodtype", "condition") && !Has("product", "item", "vehicle", "weather", "road", "payment", "contract"),
            SemanticType.SexualOrientation => Has("sexuality", "lgbt", "lgbtq") || (Has("sexual") && Has("orientation", "preference", "identity")),
            SemanticType.PoliticalOpinion => Has("political", "politics", "ideology", "partisanship") ||
                (Has("party") && Has("affiliation", "preference", "membership", "supporter", "vote", "voted")) ||
                (Has("voting") && Has("intention", "preference")),
            SemanticType.TradeUnionMembership => Has("tradeunion", "gewerkschaft", "sindicato", "syndicat") || (Has("union") && Has("member", "membership", "trade", "labor", "labour", "dues")),
            _ => false,
        };
    }
}
