namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>An Indian Aadhaar number (UIDAI): twelve digits, the first 2–9, not a palindrome, ending in a Verhoeff check digit.</summary>
internal static class IndianAadhaarNumber
{
    public const string Scheme = "Indian Aadhaar number";

    public static bool IsValid(string value)
    {
        var number = NationalIdText.Compact(value);
        return number.Length == 12 && NationalIdText.AllDigits(number) && number[0] is >= '2' and <= '9' &&
            !number.SequenceEqual(number.Reverse()) && Verhoeff.IsValid(number);
    }
}
