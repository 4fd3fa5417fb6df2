using System.Globalization;

namespace NeuroLake.Web.Backups;

/// <summary>How backup pages write an age or interval: its two largest units, "2 d 3 h", "45 min".</summary>
public static class AgeText
{
    public static string Of(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? Two((int)span.TotalDays, "d", span.Hours, "h")
            : span.TotalHours >= 1 ? Two((int)span.TotalHours, "h", span.Minutes, "min")
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min"
            : "under a minute";
    }

    private static string Two(int big, string bigUnit, int small, string smallUnit) =>
        small == 0 ? string.Create(CultureInfo.InvariantCulture, $"{big} {bigUnit}") : string.Create(CultureInfo.InvariantCulture, $"{big} {bigUnit} {small} {smallUnit}");
}
