using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Api;

/// <summary>
/// RFC 7807 answers shared by the catalog, tables and operations endpoints: a missing privilege is 403 (also when a
/// statement run for the caller was refused for one), any other error the caller can fix 400 with the engine's
/// message, the server's folders stripped from it (<see cref="ServerFolderText"/>).
/// </summary>
internal static class ApiProblems
{
    public static IResult NotFound(string what) =>
        Results.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string detail, string title = "Invalid request") =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Forbidden(string detail) =>
        Results.Problem(title: "Permission denied", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>Maps what the group's endpoints throw and a caller can fix to problems; anything else stays a server error.</summary>
    public static RouteGroupBuilder WithApiProblems(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        try
        {
            return await next(context);
        }
        catch (NeuroLakeException e)
        {
            return From(e, context.HttpContext.RequestServices.GetRequiredService<IOptions<NeuroLakeOptions>>().Value);
        }
    });

    /// <summary>The problem for an error a caller can cause.</summary>
    public static IResult From(NeuroLakeException error, NeuroLakeOptions options) => error switch
    {
        PermissionDeniedException denied => Forbidden(denied.Message),
        Operations.OperationLimitException busy => Results.Problem(title: "Too many operations", detail: busy.Message, statusCode: StatusCodes.Status429TooManyRequests),
        QueryFailedException { InnerException: PermissionDeniedException denied } => Forbidden(denied.Message),
        QueryFailedException failed => BadRequest(ServerFolderText.Strip(failed.Reason, options), "Statement failed"),
        _ => BadRequest(ServerFolderText.Strip(error.Message, options)),
    };
}
