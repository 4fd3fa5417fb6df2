using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api.Admin;

/// <summary>
/// What the <c>/api/v1/admin</c> areas share: the route group that lets only administrators in (403 with a problem for
/// anyone else; anonymous callers already got 401), and refusals turned into problems.
/// </summary>
internal static class AdminApi
{
    /// <summary><c>/api/v1/admin/{area}</c>, for administrators only.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app, string area) =>
        app.MapGroup("/api/v1/admin/" + area).WithTags("Admin").AdministratorsOnly();

    /// <summary>Lets only administrators through the group's endpoints: 403 with a problem for anyone else.</summary>
    public static RouteGroupBuilder AdministratorsOnly(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var user = services.GetRequiredService<IWorkbenchUser>();
            return await services.GetRequiredService<PrivilegeEvaluator>().IsAdminAsync(user.Name, context.HttpContext.RequestAborted)
                ? await next(context)
                : Results.Problem(title: "Administrators only", detail: "This is for workbench administrators (members of group admin): ask one to do it.",
                    statusCode: StatusCodes.Status403Forbidden);
        });

    /// <summary>A refusal from the engine or the page services: 403 when permission was denied, else 400 with what to fix.</summary>
    public static IResult Refused(Exception refusal, string title) => refusal is PermissionDeniedException
        ? Results.Problem(title: "Permission denied", detail: refusal.Message, statusCode: StatusCodes.Status403Forbidden)
        : Results.Problem(title: title, detail: refusal.Message, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>An account change Identity refused (a weak password, a taken name): 400 with each reason.</summary>
    public static IResult Refused(IdentityResult result, string title) =>
        Results.Problem(title: title, detail: string.Join(" ", result.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest);

    /// <summary>Runs <paramref name="action"/>, answering a refusal it throws as <see cref="Refused(Exception, string)"/> does.</summary>
    public static async Task<IResult> HandleAsync(string title, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is NeuroLakeException or FormatException)
        {
            return Refused(e, title);
        }
    }
}
