using System.Security.Cryptography;

namespace NeuroLake.Web.Security;

/// <summary>
/// One random nonce per request: the Content-Security-Policy allows inline scripts only with it, and the page puts
/// it on the one inline script it has (the import map Blazor writes). Kept on the HttpContext, not in a scoped
/// service, because a re-executed request (the not-found page) renders in a new scope but answers with the same headers.
/// </summary>
public static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>The request's nonce, 128 random bits in hex (base64's + and / would be HTML-encoded in the attribute), made on first use.</summary>
    public static string Of(HttpContext context)
    {
        if (context.Items[Key] is not string nonce)
        {
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[Key] = nonce;
        }

        return nonce;
    }
}
