using NeuroLake.Web.Identity;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/uploads</c>: files staged for the ingestion wizard, streamed to disk as they arrive. Uploads belong to the
/// user who sent them: only they list, see and remove them.
/// </summary>
public static class UploadEndpoints
{
    /// <summary>What the client gets back for a stored upload.</summary>
    /// <param name="AlreadyStaged">True when the same bytes were already staged by this user: this is that upload.</param>
    public sealed record UploadResponse(string Id, string FileName, long Size, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt, bool AlreadyStaged = false)
    {
        internal static UploadResponse From(UploadedFile upload, bool alreadyStaged = false) =>
            new(upload.Id, upload.FileName, upload.Size, upload.UploadedAt, upload.ExpiresAt, alreadyStaged);
    }

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/uploads").WithTags("Uploads");
        group.MapPost("", UploadAsync)
            .WithName("UploadFile")
            .WithSummary("Stages one file: the request body is the file's bytes, ?name= its file name. Answers 201 with the upload, " +
                         "or 200 with the earlier upload when the same bytes are already staged.")
            .Produces<UploadResponse>(StatusCodes.Status201Created)
            .Produces<UploadResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery();
        group.MapGet("", List)
            .WithName("ListUploads")
            .WithSummary("The caller's staged uploads that have not expired, oldest first.")
            .Produces<List<UploadResponse>>();
        group.MapDelete("/{id}", Delete)
            .WithName("DeleteUpload")
            .WithSummary("Removes one of the caller's uploads: 204, or 404 when the caller has no such upload.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, UploadStore store, UploadQuota quota, IWorkbenchUser user, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Results.Problem(
                title: "The file name is missing",
                detail: "Pass the file's name as ?name=<file name> and its bytes as the request body.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        // Files go straight to disk, up to NeuroLake:Limits:MaxUploadBytes (RequestSizeLimits) and the user's quota.
        using var admitted = quota.Admit(user.Name, context.Request);
        var saved = await store.SaveAsync(user.Name, name, context.Request.Body, ct);
        var body = UploadResponse.From(saved.Upload, saved.AlreadyStaged);
        return saved.AlreadyStaged ? Results.Ok(body) : Results.Created($"/api/v1/uploads/{saved.Upload.Id}", body);
    }

    private static IResult List(UploadStore store, IWorkbenchUser user) =>
        Results.Ok(store.ListFor(user.Name).Select(u => UploadResponse.From(u)));

    private static IResult Delete(string id, UploadStore store, IWorkbenchUser user) =>
        store.DeleteFor(user.Name, id)
            ? Results.NoContent()
            : Results.Problem(title: "No such upload", detail: $"You have no staged upload '{id}': it was loaded, removed or expired.", statusCode: StatusCodes.Status404NotFound);
}
