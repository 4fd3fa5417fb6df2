using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>Text shaped like a person's name: one to four words of letters (with ' - . allowed), no digits.</summary>
internal static partial class PersonName
{
    public static bool IsPlausible(string value)
    {
        var v = value.Trim();
        return v.Length is >= 2 and <= 60 && Shape().IsMatch(v);
    }

    [GeneratedRegex(@"^\p{L}[\p{L}'.-]*(,? \p{L}[\p{L}'.-]*){0,3}$")]
    private static partial Regex Shape();
}
