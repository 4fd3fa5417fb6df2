namespace NeuroLake.Web.Security;

/// <summary>What a request's headers say about the browser (if any) that sent it.</summary>
internal static class BrowserSignals
{
    /// <summary>True when the request authenticates with <c>Authorization: Bearer</c>, which browsers never add by themselves.</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a browser sent the request: it carries cookies, or the <c>Origin</c> / <c>Sec-Fetch-Site</c> headers that
    /// every current browser adds to a POST, PUT, PATCH or DELETE (scripts and server-side clients send none of them).
    /// </summary>
    public static bool FromBrowser(HttpRequest request) =>
        request.Headers.Cookie.Count > 0
        || request.Headers.Origin.Count > 0
        || request.Headers.ContainsKey("Sec-Fetch-Site");

    /// <summary>Why the request is from another site, or null when nothing says so.</summary>
    public static string? CrossSiteReason(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"The browser says this request came from another site (Sec-Fetch-Site: {site}).";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !SameOrigin(origin, request))
        {
            return origin == "null"
                ? "The browser sent it from an opaque origin (Origin: null), such as a sandboxed frame or a local file."
                : "The browser sent it from a page of another origin than this server's.";
        }

        return null;
    }

    // Host and port only: behind a TLS-terminating proxy the page is https while the request reaching us is http.
    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(HostOf(uri), request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
}
