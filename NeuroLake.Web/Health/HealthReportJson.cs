using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NeuroLake.Web.Health;

/// <summary>
/// The readiness answer as JSON: the overall status and each check's status and description, so an operator sees
/// which part is down. Descriptions are written by our checks and name no path; exceptions are not included.
/// </summary>
internal static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                // A check that threw has the exception's message as its description, which may quote a path.
                description = e.Value.Exception is { } error ? $"The check failed ({error.GetType().Name}); the server log has the details." : e.Value.Description,
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
