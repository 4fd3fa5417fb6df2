using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>Finds validated personal data inside longer text (notes, comments, messages).</summary>
internal static partial class FreeTextScanner
{
    /// <summary>Text long enough to carry a sentence: at least 12 characters with a space.</summary>
    public static bool LooksLikeText(string value) => value.Length >= 12 && value.Contains(' ');

    /// <summary>The kinds of validated PII inside <paramref name="text"/>.</summary>
    public static IEnumerable<SemanticType> Find(string text)
    {
        if (EmailCandidate().Matches(text).Any(m => EmailAddress.IsValid(m.Value)))
        {
            yield return SemanticType.Email;
        }
        if (CardCandidate().Matches(text).Any(m => PaymentCard.IsValid(m.Value)))
        {
            yield return SemanticType.CreditCard;
        }
        if (IbanCandidate().Matches(text).Any(m => Iban.IsValid(m.Value)))
        {
            yield return SemanticType.Iban;
        }
        if (SsnCandidate().Matches(text).Any(m => SocialSecurityNumber.IsValid(m.Value)))
        {
            yield return SemanticType.Ssn;
        }
        if (PhoneCandidate().Matches(text).Any(m => PhoneNumber.IsValid(m.Value) && !SocialSecurityNumber.IsValid(m.Value)))
        {
            yield return SemanticType.Phone;
        }
        if (Ipv4Candidate().Matches(text).Any(m => NetworkAddress.IsAddressLikeIPv4(m.Value)))
        {
            yield return SemanticType.IpAddress;
        }
        if (MacCandidate().Matches(text).Any(m => NetworkAddress.IsMac(m.Value)))
        {
            yield return SemanticType.MacAddress;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailCandidate();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")]
    private static partial Regex IbanCandidate();

    [GeneratedRegex(@"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")]
    private static partial Regex SsnCandidate();

    [GeneratedRegex(@"(?<![\w+])(\+\d[\d ().-]{5,20}\d|\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4})(?!\d)")]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])")]
    private static partial Regex Ipv4Candidate();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}\b")]
    private static partial Regex MacCandidate();
}
