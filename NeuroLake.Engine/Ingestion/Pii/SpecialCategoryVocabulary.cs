namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// Values that reveal a GDPR Article 9 special category, lower case, as census forms, registers and clinical systems
/// write them. Words with everyday meanings (left, right, green, moderate) are left out so colour, side or risk columns stay clean.
/// </summary>
internal static class SpecialCategoryVocabulary
{
    /// <summary>Answers that belong to any of these questions; they count as values but never as evidence on their own.</summary>
    public static readonly HashSet<string> NeutralAnswers =
    [
        "other", "none", "unknown", "prefer not to say", "prefer not to answer", "declined", "not stated", "not disclosed", "n/a",
    ];

    public static readonly IReadOnlyDictionary<SemanticType, HashSet<string>> Terms = new Dictionary<SemanticType, HashSet<string>>
    {
        [SemanticType.Ethnicity] =
        [
            "white", "black", "asian", "hispanic", "latino", "latina", "latinx", "hispanic or latino", "not hispanic or latino",
            "african american", "black or african american", "american indian or alaska native", "american indian",
            "alaska native", "native hawaiian or other pacific islander", "pacific islander", "native american", "caucasian",
            "mixed", "mixed race", "multiracial", "two or more races", "biracial", "arab", "middle eastern", "south asian",
            "east asian", "southeast asian", "indigenous", "aboriginal", "aboriginal or torres strait islander", "maori",
            "roma", "white british", "white irish", "white other", "black caribbean", "black african", "black british",
            "asian british", "non-hispanic white", "non-hispanic black", "first nations", "inuit", "métis", "metis",
        ],
        [SemanticType.Religion] =
        [
            "christian", "christianity", "catholic", "roman catholic", "protestant", "orthodox", "anglican", "lutheran",
            "baptist", "methodist", "evangelical", "mormon", "jehovah's witness", "muslim", "islam", "sunni", "shia",
            "jewish", "judaism", "hindu", "hinduism", "buddhist", "buddhism", "sikh", "sikhism", "jain", "bahá'í", "bahai",
            "atheist", "agnostic", "no religion", "non-religious", "taoist", "shinto", "confucian", "pagan", "spiritual",
            "evangelisch", "katholisch", "römisch-katholisch", "konfessionslos", "musulman", "catholique", "juif", "católico",
        ],
        [SemanticType.Health] =
        [
            "diabetes", "type 1 diabetes", "type 2 diabetes", "hypertension", "asthma", "copd", "depression", "anxiety",
            "cancer", "breast cancer", "lung cancer", "prostate cancer", "leukemia", "hiv", "hiv positive", "aids",
            "covid-19", "influenza", "migraine", "arthritis", "rheumatoid arthritis", "osteoarthritis", "epilepsy",
            "obesity", "stroke", "dementia", "alzheimer's disease", "parkinson's disease", "schizophrenia",
            "bipolar disorder", "heart failure", "coronary artery disease", "atrial fibrillation", "pneumonia",
            "hepatitis b", "hepatitis c", "tuberculosis", "multiple sclerosis", "chronic kidney disease", "autism",
            "adhd", "ptsd", "eczema", "psoriasis", "anemia", "hypothyroidism", "crohn's disease", "celiac disease",
            "pregnant", "pregnancy", "allergy", "penicillin allergy", "peanut allergy", "a+", "a-", "b+", "b-", "ab+",
            "ab-", "o+", "o-",
        ],
        [SemanticType.SexualOrientation] =
        [
            "heterosexual", "straight", "gay", "lesbian", "bisexual", "homosexual", "asexual", "pansexual", "queer",
            "gay or lesbian", "heterosexual or straight", "bi", "questioning", "lgbtq", "lgbtq+", "same-sex attracted",
        ],
        [SemanticType.PoliticalOpinion] =
        [
            "democrat", "democratic", "republican", "labour", "conservative", "liberal democrat", "lib dem", "tory",
            "green party", "greens", "the greens", "libertarian", "socialist", "social democrat", "christian democrat",
            "communist", "spd", "cdu", "csu", "fdp", "afd", "die linke", "bündnis 90/die grünen", "grüne", "snp", "plaid cymru",
            "reform uk", "ukip", "left-wing", "right-wing", "centre-left", "centre-right", "center-left", "center-right",
            "far-left", "far-right", "progressive", "nationalist", "renaissance", "rassemblement national",
            "la france insoumise", "psoe", "pp", "vox", "podemos", "partido popular", "forza italia", "fratelli d'italia",
        ],
        [SemanticType.TradeUnionMembership] =
        [
            "unite", "unison", "gmb", "rcn", "nea", "aft", "afl-cio", "teamsters", "seiu", "uaw", "ver.di", "verdi",
            "ig metall", "dgb", "cgt", "cfdt", "fo", "ugt", "ccoo", "cisl", "uil", "cgil", "union member", "non-member",
            "member", "not a member", "unionised", "unionized", "non-union",
        ],
    };
}
