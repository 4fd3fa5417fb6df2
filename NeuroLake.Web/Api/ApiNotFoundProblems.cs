namespace NeuroLake.Web.Api;

/// <summary>
/// Under <c>/api</c>, a body-less 404 or 405 (a path no endpoint has, or a method the path does not take) becomes an
/// RFC 7807 problem, so a script gets JSON rather than the workbench's not-found page. Other statuses are left as the
/// endpoint or the authentication handler wrote them.
/// </summary>
internal sealed class ApiNotFoundProblems(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (!context.Request.Path.StartsWithSegments("/api") || response.HasStarted || response.ContentLength > 0 || response.ContentType is not null ||
            response.StatusCode is not (StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed))
        {
            return;
        }

        var detail = response.StatusCode == StatusCodes.Status404NotFound
            ? "No API endpoint has this path. The endpoints are listed in the OpenAPI document at /openapi/v1.json."
            : $"This API path does not take {context.Request.Method}. The OpenAPI document at /openapi/v1.json lists the methods each path takes.";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = response.StatusCode, Detail = detail },
        });
    }
}
