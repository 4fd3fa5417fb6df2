using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Api;

/// <summary>The ingestion API: a file in, a table (version) and an ingestion report out, as the wizard loads it.</summary>
public static class IngestEndpoints
{
    /// <summary>Maps <c>POST /api/v1/ingest</c>.</summary>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/ingest").WithTags("Ingestion")
            .MapPost("", IngestAsync)
            .WithName("IngestFile")
            .WithSummary("Loads the request body (raw or multipart/form-data) into a table: detects the format and schema, profiles quality and PII, " +
                         "and answers the ingestion report, or 400 problem details saying what to fix.")
            .Produces<IngestReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> IngestAsync(
        HttpContext http, FileIngestion ingestion, UploadQuota quota, IWorkbenchUser user, IOptions<NeuroLakeOptions> options, CancellationToken ct)
    {
        IngestQuery query;
        try
        {
            query = IngestQuery.Parse(http.Request.Query);
        }
        catch (NeuroLakeException e)
        {
            return Problem("Invalid ingestion request", e.Message);
        }

        // The body is streamed to the staging folder, never buffered, within the upload limit and the user's quota.
        using var admitted = quota.Admit(user.Name, http.Request);
        var staging = Directory.CreateDirectory(NeuroLakeOptions.ResolveIngestStaging(options.Value.DataDirectory)).FullName;
        StagedFile? staged = null;
        try
        {
            staged = await StagedFile.ReceiveAsync(http.Request, staging, query.FileName, ct);
            if (staged is null)
            {
                return Problem("No file", "The multipart request has no file part: send the file as a form field with a filename, or as the raw request body.");
            }

            var result = await ingestion.IngestAsync(
                new FileIngestionRequest(staged.Path, staged.Info, query.Table, query.Mode)
                {
                    KeyColumns = query.Keys,
                    MergeSchema = query.MergeSchema,
                    BadRows = query.BadRows,
                    Encoding = query.Encoding,
                    JsonNesting = query.Nesting,
                    Sheet = query.Sheet,
                    User = user.Name,
                },
                ct);
            return Results.Ok(IngestReport.From(query.Table, result));
        }
        catch (NeuroLakeException e)
        {
            return Problem("Ingestion failed", ServerFolderText.Strip(e.Message, options.Value));
        }
        finally
        {
            staged?.Delete();
        }
    }

    private static IResult Problem(string title, string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
