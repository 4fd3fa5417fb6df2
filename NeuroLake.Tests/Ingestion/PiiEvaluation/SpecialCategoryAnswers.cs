using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>Answers to sensitive questions as forms and registers record them, and category columns that share some of their words.</summary>
internal sealed class SpecialCategoryAnswers(Random random)
{
    private static readonly Dictionary<SemanticType, string[]> Answers = new()
    {
        [SemanticType.Ethnicity] = ["White", "Black or African American", "Asian", "Hispanic or Latino", "American Indian or Alaska Native", "Native Hawaiian or Other Pacific Islander", "Two or more races", "White British", "Black Caribbean", "Mixed", "Other"],
        [SemanticType.Religion] = ["Christian", "Catholic", "Protestant", "Muslim", "Jewish", "Hindu", "Buddhist", "Sikh", "Atheist", "Agnostic", "No religion", "Prefer not to say"],
        [SemanticType.Health] = ["Type 2 diabetes", "Hypertension", "Asthma", "Depression", "COPD", "Breast cancer", "E11.9", "J45.909", "I25.10", "Migraine", "Epilepsy", "Heart failure"],
        [SemanticType.SexualOrientation] = ["Heterosexual", "Straight", "Gay", "Lesbian", "Bisexual", "Asexual", "Pansexual", "Queer", "Prefer not to say"],
        [SemanticType.PoliticalOpinion] = ["Democrat", "Republican", "Labour", "Conservative", "Liberal Democrat", "Green Party", "SPD", "CDU", "Socialist", "Libertarian", "Centre-left", "Centre-right"],
        [SemanticType.TradeUnionMembership] = ["Unite", "UNISON", "GMB", "Teamsters", "SEIU", "ver.di", "IG Metall", "CGT", "CFDT", "Non-member", "Member"],
    };

    /// <summary>What a telling column name may hold besides the vocabulary: codes, yes/no, local spellings.</summary>
    private static readonly Dictionary<SemanticType, string[]> Coded = new()
    {
        [SemanticType.Ethnicity] = ["W1", "B2", "A3", "H", "M", "O"],
        [SemanticType.Religion] = ["RC", "CofE", "Islam", "None", "Other"],
        [SemanticType.Health] = ["I10", "E11", "J45", "F32", "Yes", "No"],
        [SemanticType.SexualOrientation] = ["Hetero", "Homo", "Bi", "Other"],
        [SemanticType.PoliticalOpinion] = ["D", "R", "I", "Lab", "Con", "LD"],
        [SemanticType.TradeUnionMembership] = ["Yes", "No"],
    };

    public static readonly Dictionary<SemanticType, string[]> Names = new()
    {
        [SemanticType.Ethnicity] = ["race", "ethnicity", "ethnic_group", "race_ethnicity", "patient_race", "EthnicOrigin"],
        [SemanticType.Religion] = ["religion", "religious_affiliation", "faith", "Religion"],
        [SemanticType.Health] = ["diagnosis", "primary_diagnosis", "medical_condition", "icd10_code", "chronic_disease", "hiv_status"],
        [SemanticType.SexualOrientation] = ["sexual_orientation", "sexuality", "SexualOrientation"],
        [SemanticType.PoliticalOpinion] = ["political_party_affiliation", "political_view", "party_preference", "voting_intention"],
        [SemanticType.TradeUnionMembership] = ["union_member", "trade_union", "union_membership", "gewerkschaft"],
    };

    public string Answer(SemanticType type) => Pick(Answers[type]);

    public string CodedAnswer(SemanticType type) => random.Next(2) == 0 ? Pick(Coded[type]) : Pick(Answers[type]);

    /// <summary>Product categories, colours, cuisines, risk profiles, handedness, orientations and conditions: categories that are not special.</summary>
    public Func<string> LookAlike(int which) => (which % 7) switch
    {
        0 => () => Pick(["Electronics", "Books", "Toys", "Garden", "Health & Beauty", "Sports", "Grocery", "Other"]),
        1 => () => Pick(["red", "blue", "white", "black", "green", "yellow", "grey"]),
        2 => () => Pick(["Italian", "Chinese", "Indian", "Mexican", "Thai", "French", "Other"]),
        3 => () => Pick(["conservative", "balanced", "growth", "aggressive", "income"]),
        4 => () => Pick(["left", "right", "ambidextrous", "unknown"]),
        5 => () => Pick(["portrait", "landscape", "square"]),
        _ => () => Pick(["new", "used", "refurbished", "damaged", "open box"]),
    };

    public static readonly string[] LookAlikeNames = ["category", "colour", "cuisine", "risk_profile", "handedness", "orientation", "product_condition"];

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
