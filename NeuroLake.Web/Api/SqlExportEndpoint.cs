using System.Globalization;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>GET /api/v1/sql/export?format=csv|parquet|json&amp;sql=...</c> (what the editor's download links use) and
/// <c>POST /api/v1/sql/export?format=...</c> with <c>{"sql": "..."}</c>: streams one query's whole result, any size,
/// into the response as a file download.
/// </summary>
internal static class SqlExportEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/export", (HttpContext http, string? sql, string? format, QueryService queries, IWorkbenchUser user) =>
                ExportAsync(http, sql, format, queries, user.Name))
            .WithName("ExportSqlResult")
            .WithSummary("Streams the whole result of one query as a CSV, Parquet or JSON (newline-delimited) file.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/vnd.apache.parquet", "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/export", PostAsync)
            .WithName("ExportSqlResultFromBody")
            .WithSummary("Like GET /export, with {\"sql\": \"...\"} as an application/json body for long queries.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/vnd.apache.parquet", "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> PostAsync(HttpContext http, string? format, QueryService queries, IWorkbenchUser user)
    {
        var (body, problem) = await SqlRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        return await ExportAsync(http, body?.Sql, format, queries, user.Name);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, string? sql, string? format, QueryService queries, string user)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return SqlProblems.BadRequest("No SQL", "Say which query to export: ?sql=SELECT ... (or {\"sql\": \"...\"} in a POST body).");
        }

        if (SqlExportFormats.Find(format) is not { } file)
        {
            return SqlProblems.BadRequest("Unknown export format",
                $"\"format\" must be one of {string.Join(", ", SqlExportFormats.Names)}; it was '{format}'.");
        }

        var response = http.Response;
        response.ContentType = file.ContentType;
        response.Headers.ContentDisposition =
            $"attachment; filename=\"query-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.{file.Extension}\"";
        try
        {
            await queries.ExportAsync(sql, new QueryRequest(user), file.Format, response.Body, http.RequestAborted);
            return Results.Empty;
        }
        catch (NeuroLakeException e) when (!response.HasStarted)
        {
            response.Headers.ContentDisposition = default;
            return SqlProblems.From(e);
        }
    }
}
