using System.Security.Cryptography;

namespace NeuroLake.Web.Security;

/// <summary>
/// One random nonce per request: the Content-Security-Policy allows inline scripts only with it, and the page puts
/// it on the one inline script it has (the import map Blazor writes).
/// </summary>
public sealed class CspNonce
{
    /// <summary>The nonce, 128 random bits in base64.</summary>
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
