using Microsoft.AspNetCore.Http.Features;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Api;

/// <summary><c>/api/v1/uploads</c>: files staged for the ingestion wizard, streamed to disk as they arrive.</summary>
public static class UploadEndpoints
{
    /// <summary>What the browser gets back for a stored upload.</summary>
    public sealed record UploadResponse(string Id, string FileName, long Size);

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/uploads").WithTags("Uploads");
        group.MapPost("", UploadAsync)
            .WithName("UploadFile")
            .WithSummary("Stages one file: the request body is the file's bytes, ?name= its file name. Answers the upload id.")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, UploadStore store, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Results.Problem(
                title: "The file name is missing",
                detail: "Pass the file's name as ?name=<file name> and its bytes as the request body.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        // Files of any size are welcome: they go straight to disk, so Kestrel's 30 MB default does not apply here.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var upload = await store.SaveAsync(name, context.Request.Body, ct);
        return Results.Created($"/api/v1/uploads/{upload.Id}", new UploadResponse(upload.Id, upload.FileName, upload.Size));
    }
}
