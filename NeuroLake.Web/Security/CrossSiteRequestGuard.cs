using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace NeuroLake.Web.Security;

/// <summary>
/// Cross-site request forgery defence for state-changing API calls (POST, PUT, PATCH, DELETE under <c>/api/v1</c>).
/// A browser attaches cookies (and, in Single mode, needs nothing at all) to a form another site submits, so every such
/// request that a browser sent must carry the antiforgery token our own pages hold, in the
/// <see cref="AntiforgeryOptions.HeaderName"/> header, which a cross-site form cannot set. Requests a browser says come
/// from another site are refused before that. <c>Authorization: Bearer</c> requests (personal access tokens) are exempt:
/// browsers never attach them on their own. Scripts that send neither cookies nor the
/// <c>Origin</c>/<c>Sec-Fetch-*</c> headers every current browser adds to a POST are not browsers and cannot be forged
/// from one; they pass as before.
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Refusal(context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        if (BrowserSignals.FromBrowser(context.Request) && !await HasValidTokenAsync(context))
        {
            await Forbidden(
                    "Antiforgery token missing or invalid",
                    "This request came from a browser without the workbench's antiforgery token. Use the workbench pages, " +
                    "or call the API from a script with a personal access token (Authorization: Bearer).")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>True for the requests this guard looks at: state-changing methods under <c>/api/v1</c>.</summary>
    public static bool Applies(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/v1")
        && !HttpMethods.IsGet(context.Request.Method)
        && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method)
        && !HttpMethods.IsTrace(context.Request.Method)
        && !BrowserSignals.HasBearerToken(context.Request);

    private static IResult? Refusal(HttpContext context) => BrowserSignals.CrossSiteReason(context.Request) is { } reason
        ? Forbidden("Cross-site request refused", $"{reason} Only the workbench's own pages may change data from a browser.")
        : null;

    private async Task<bool> HasValidTokenAsync(HttpContext context)
    {
        // Without the header the antiforgery service would read a form body for the token: a whole upload, buffered.
        if (!context.Request.Headers.ContainsKey(options.Value.HeaderName!))
        {
            return false;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static IResult Forbidden(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status403Forbidden);
}
