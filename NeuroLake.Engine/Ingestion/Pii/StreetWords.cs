namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>Words that name a street in the languages addresses are written in, by where they stand in the street name.</summary>
internal static class StreetWords
{
    /// <summary>Words that end a street name: Baker Street, Main St, Elm Ave.</summary>
    public static readonly HashSet<string> Trailing = new(StringComparer.OrdinalIgnoreCase)
    {
        "street", "st", "st.", "avenue", "ave", "ave.", "av.", "road", "rd", "rd.", "boulevard", "blvd", "blvd.", "lane",
        "ln", "ln.", "drive", "dr", "dr.", "court", "ct", "ct.", "place", "pl", "pl.", "terrace", "way", "close",
        "crescent", "cres", "square", "sq", "highway", "hwy", "parkway", "pkwy", "circle", "cir", "trail", "row",
        "grove", "gardens", "mews", "walk", "alley", "plaza", "broadway",
    };

    /// <summary>Words that begin a street name: rue de la Paix, Calle Mayor, Via Roma, ulica Długa.</summary>
    public static readonly HashSet<string> Leading = new(StringComparer.OrdinalIgnoreCase)
    {
        "rue", "avenue", "av.", "avda", "avda.", "avenida", "boulevard", "bd", "bd.", "chemin", "impasse", "allée", "allee",
        "quai", "place", "calle", "c/", "paseo", "plaza", "carrera", "camino", "carrer", "passeig", "via", "viale",
        "piazza", "corso", "vicolo", "rua", "travessa", "praça", "largo", "ulica", "ul.", "aleja", "al.", "strada",
    };

    /// <summary>Endings of compound street names: Hauptstraße, Musterstr., Kerkstraat, Storgatan.</summary>
    private static readonly string[] CompoundEndings =
    [
        "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ufer", "chaussee", "straat", "laan", "gracht",
        "plein", "singel", "kade", "vej", "gade", "gatan", "vägen", "veien",
    ];

    public static bool IsCompound(string word) =>
        CompoundEndings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase) && word.Length >= e.Length + 2) ||
        CompoundEndings.Any(e => string.Equals(word, e, StringComparison.OrdinalIgnoreCase));
}
