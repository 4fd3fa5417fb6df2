namespace NeuroLake.Engine.Ingestion.Pii.NationalIds;

/// <summary>
/// The French NIR (numéro de sécurité sociale): sex digit (1, 2, or 3, 4, 7, 8 for provisional numbers), year, month,
/// département (2A/2B for Corsica, counted as 19 and 18), commune, order, then a key equal to 97 minus the first 13
/// digits modulo 97.
/// </summary>
internal static class FrenchSocialSecurityNumber
{
    public const string Scheme = "French social security number (NIR)";

    public static bool IsValid(string value)
    {
        var nir = NationalIdText.Compact(value);
        if (nir.Length != 15 || nir[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }
        var body = nir.Substring(5, 2) switch
        {
            "2A" => nir[..5] + "19" + nir[7..13],
            "2B" => nir[..5] + "18" + nir[7..13],
            _ => nir[..13],
        };
        if (!NationalIdText.AllDigits(body) || !NationalIdText.AllDigits(nir.AsSpan(13)))
        {
            return false;
        }
        var month = int.Parse(nir.AsSpan(3, 2));
        return month is (>= 1 and <= 12) or >= 20 && 97 - (long.Parse(body) % 97) == int.Parse(nir.AsSpan(13, 2));
    }
}
