using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>A person's age: a whole number of years 0–120, or a band such as 30-39 or 65+. Only used with a name hint, since small integers are everywhere.</summary>
internal static partial class AgeValue
{
    public const int Oldest = 120;

    public static bool IsPlausible(string value)
    {
        var v = value.Trim();
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var years))
        {
            return years is >= 0 and <= Oldest && years == Math.Floor(years);
        }
        var band = Band().Match(v);
        if (!band.Success)
        {
            return false;
        }
        var low = int.Parse(band.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        return band.Groups[2].Success
            ? int.Parse(band.Groups[2].ValueSpan, CultureInfo.InvariantCulture) is var high && low < high && high <= Oldest
            : low <= Oldest;
    }

    [GeneratedRegex(@"^(\d{1,3})\s*(?:[-–]\s*(\d{1,3})|\+)$")]
    private static partial Regex Band();
}
