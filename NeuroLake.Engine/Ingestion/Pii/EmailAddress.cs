using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>An email address: dot-atom local part of at most 64 characters, a dotted domain with a letter TLD.</summary>
internal static partial class EmailAddress
{
    public static bool IsValid(string value)
    {
        // Exported files often pad cells; the address is the same.
        var v = value.Trim();
        return v.Length <= 254 && Shape().IsMatch(v) && v.IndexOf('@') <= 64;
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex Shape();
}
