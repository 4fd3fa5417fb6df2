namespace NeuroLake.Web.Security;

/// <summary>
/// Headers on every response that tell the browser to run only our own scripts, never sniff content types, never
/// show the app inside another site's frame and not leak URLs (which hold table names and SQL) to other sites.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(CspNonce.Of(context));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Scripts: our files and the nonce'd import map only. Styles may be inline: MudBlazor sets style attributes and
    /// plotly and CodeMirror add style elements. Images: ours plus data:/blob: URLs, which plotly and MudBlazor build.
    /// Connections ('self' includes the Blazor circuit's WebSocket to this host) and forms: this server only.
    /// </summary>
    internal static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
