using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>Postal code shapes (US ZIP and ZIP+4, Canada, UK, Netherlands, dashed and 4-6 digit codes); only used with a name hint.</summary>
internal static partial class PostalCode
{
    public static bool IsValid(string value) => Shape().IsMatch(value.Trim());

    [GeneratedRegex(@"^(\d{5}(-\d{4})?|\d{4,6}|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|\d{4} ?[A-Za-z]{2}|\d{2,3}-\d{3,4})$")]
    private static partial Regex Shape();
}
