using System.Globalization;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>A date of birth: an ISO date (or timestamp) not in the future and at most 120 years ago.</summary>
internal static class BirthDate
{
    public static bool IsPlausible(string value, DateOnly today) => IsPastDate(value, today, maxYearsAgo: 120);

    /// <summary>An ISO date (or the date of a timestamp) between <paramref name="maxYearsAgo"/> years ago and today.</summary>
    public static bool IsPastDate(string value, DateOnly today, int maxYearsAgo)
    {
        var v = value.Trim();
        if (v.Length < 10 || !DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        return date <= today && date >= today.AddYears(-maxYearsAgo);
    }
}
