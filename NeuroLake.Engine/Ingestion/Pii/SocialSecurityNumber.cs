using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// A US SSN: AAA-GG-SSSS (or spaces) whose area is not 000, 666 or 900-999, group not 00 and serial
/// not 0000. Nine bare digits count only when the column name says SSN.
/// </summary>
internal static partial class SocialSecurityNumber
{
    public static bool IsValid(string value, bool bareDigitsAllowed = false)
    {
        var match = Formatted().Match(value.Trim());
        if (!match.Success && bareDigitsAllowed)
        {
            match = Bare().Match(value.Trim());
        }
        if (!match.Success)
        {
            return false;
        }
        var area = int.Parse(match.Groups[1].ValueSpan);
        var group = int.Parse(match.Groups[2].ValueSpan);
        var serial = int.Parse(match.Groups[3].ValueSpan);
        return area is not (0 or 666) && area < 900 && group != 0 && serial != 0;
    }

    [GeneratedRegex(@"^(\d{3})[- ](\d{2})[- ](\d{4})$")]
    private static partial Regex Formatted();

    [GeneratedRegex(@"^(\d{3})(\d{2})(\d{4})$")]
    private static partial Regex Bare();
}
