namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A date of death, its own kind rather than a variant of the birth date: it marks a record as being about a
/// deceased person (outside GDPR, yet health-adjacent and sensitive for relatives) and is masked differently.
/// Dates reach further back than births because registers and genealogies hold old deaths.
/// </summary>
internal static class DeathDate
{
    public static bool IsPlausible(string value, DateOnly today) => BirthDate.IsPastDate(value, today, maxYearsAgo: 250);
}
