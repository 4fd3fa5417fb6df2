using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// A UK National Insurance number (HMRC): two prefix letters (D, F, I, Q, U, V never; O never second;
/// BG, GB, KN, NK, NT, TN, ZZ not allocated), six digits, suffix A–D. It has no check digit, so the shape is the test.
/// </summary>
internal static partial class UkNationalInsuranceNumber
{
    public const string Scheme = "UK National Insurance number";

    public static bool IsValid(string value) => Shape().IsMatch(value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());

    [GeneratedRegex(@"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")]
    private static partial Regex Shape();
}
