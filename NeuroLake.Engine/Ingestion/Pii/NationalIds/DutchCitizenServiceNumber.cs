namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// The Dutch BSN (burgerservicenummer): nine digits (eight are padded with a leading zero) passing the "elfproef":
/// 9·d1 + 8·d2 + … + 2·d8 − d9 is a non-zero multiple of 11.
/// </summary>
internal static class DutchCitizenServiceNumber
{
    public const string Scheme = "Dutch citizen service number (BSN)";

    public static bool IsValid(string value)
    {
        var bsn = NationalIdText.Compact(value);
        if (bsn.Length == 8)
        {
            bsn = "0" + bsn;
        }
        if (bsn.Length != 9 || !NationalIdText.AllDigits(bsn))
        {
            return false;
        }
        var sum = -(bsn[8] - '0');
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }
        return sum > 0 && sum % 11 == 0;
    }
}
