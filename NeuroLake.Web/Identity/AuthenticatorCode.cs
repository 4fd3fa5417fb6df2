namespace NeuroLake.Web.Identity;

/// <summary>A code typed from an authenticator app, as Identity checks it: apps show it grouped ("123 456", "123-456").</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? typed) =>
        (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
