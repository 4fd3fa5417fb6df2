using System.Globalization;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Audit;

namespace NeuroLake.Web.Api;

/// <summary><c>GET /api/v1/audit/export</c>: the audit entries a search matches, as a CSV download, for administrators.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit").WithTags("Audit")
            .MapGet("/export", ExportAsync)
            .WithName("ExportAuditLog")
            .WithSummary("Streams the audit entries matching ?user=&action=&target=&from=yyyy-MM-dd&to=yyyy-MM-dd, newest first, as CSV. Administrators only.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, AuditLog audit, AuditAccess access, string? user, string? action, string? target, string? from, string? to)
    {
        if (!await access.AllowedAsync(http.RequestAborted))
        {
            return Results.Problem(title: "Administrators only", detail: "The audit log is for workbench administrators.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (search, problem) = AuditQuery.Parse(user, action, target, from, to);
        if (search is null)
        {
            return Results.Problem(title: "Invalid audit search", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"audit-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv\"";
        await audit.ExportCsvAsync(search, http.Response.Body, http.RequestAborted);
        return Results.Empty;
    }
}
