using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace NeuroLake.Web.Security;

/// <summary>
/// One size limit for every request body: <see cref="LimitOptions.MaxUploadBytes"/> for file uploads and ingestion,
/// <see cref="LimitOptions.MaxRequestBytes"/> for everything else. Kestrel's own cap would cut the request with a bare
/// 413; this answers a problem saying how big the body is, what the limit is and which setting changes it.
/// </summary>
internal sealed class RequestSizeLimits(RequestDelegate next, IOptionsMonitor<LimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var upload = IsFileUpload(context.Request);
        var limit = upload ? options.CurrentValue.MaxUploadBytes : options.CurrentValue.MaxRequestBytes;
        var setting = upload ? "NeuroLake:Limits:MaxUploadBytes" : "NeuroLake:Limits:MaxRequestBytes";
        var what = upload ? "upload" : "request body";
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = null;
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            await TooLarge(what, length, limit, setting, exact: true).ToProblem().ExecuteAsync(context);
            return;
        }

        context.Request.Body = new CappedStream(context.Request.Body, limit, read => TooLarge(what, read, limit, setting, exact: false));
        try
        {
            await next(context);
        }
        catch (RequestBodyTooLargeException e) when (!context.Response.HasStarted)
        {
            await e.ToProblem().ExecuteAsync(context);
        }
    }

    /// <summary>True for the endpoints that take a whole file: <c>POST /api/v1/uploads</c> and <c>POST /api/v1/ingest</c>.</summary>
    public static bool IsFileUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/v1/uploads", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/ingest", StringComparison.OrdinalIgnoreCase));

    private static RequestBodyTooLargeException TooLarge(string what, long size, long limit, string setting, bool exact) =>
        new(StatusCodes.Status413PayloadTooLarge,
            $"The {what} is too large",
            $"The {what} is {(exact ? "" : "over ")}{ByteText.Of(size)}; the limit is {ByteText.Of(limit)}. Set {setting} to change it.");
}
