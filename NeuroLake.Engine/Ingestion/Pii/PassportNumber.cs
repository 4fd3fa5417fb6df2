namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A passport-like number: 6–9 letters and digits with at least one digit, not one repeated character. Passports
/// have no shared check digit outside the machine-readable zone, so this is only used with a name hint.
/// </summary>
internal static class PassportNumber
{
    public static bool IsPlausible(string value)
    {
        var v = value.Trim().Replace(" ", "", StringComparison.Ordinal);
        return v.Length is >= 6 and <= 9 && v.All(char.IsAsciiLetterOrDigit) && v.Any(char.IsAsciiDigit) &&
            (v.All(char.IsAsciiDigit) || v.ToUpperInvariant() == v) && v.Distinct().Skip(1).Any();
    }
}
