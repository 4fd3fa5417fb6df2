using Microsoft.AspNetCore.Http.HttpResults;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/operations</c>: the long table operations (OPTIMIZE, VACUUM, RESTORE) the tables endpoints answered 202
/// for. Each is visible to whoever started it and to administrators; to anyone else it answers 404, as an unknown id.
/// </summary>
public static class OperationsEndpoints
{
    public static IServiceCollection AddTableOperations(this IServiceCollection services) => services.AddSingleton<OperationRegistry>();

    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/api/v1/operations").WithTags("Operations").WithApiProblems();
        operations.MapGet("/", async (OperationRegistry registry, PrivilegeEvaluator privileges, IWorkbenchUser user, CancellationToken ct) =>
                TypedResults.Ok(registry.List(user.Name, await privileges.IsAdminAsync(user.Name, ct)).Select(o => o.ToJson()).ToList()))
            .WithName("ListOperations")
            .WithSummary("The caller's long operations this server still holds (administrators: everyone's), newest first; finished ones are kept for an hour.");
        operations.MapGet("/{id:guid}", async Task<Results<Ok<OperationJson>, ProblemHttpResult>> (
                Guid id, OperationRegistry registry, PrivilegeEvaluator privileges, IWorkbenchUser user, CancellationToken ct) =>
                registry.Find(id, user.Name, await privileges.IsAdminAsync(user.Name, ct)) is { } operation
                    ? TypedResults.Ok(operation.ToJson())
                    : NotFound())
            .WithName("GetOperation")
            .WithSummary("One operation: status (Running, Succeeded, Failed, Cancelled), start and end, and its result or problem; poll it after a 202.");
        operations.MapPost("/{id:guid}/cancel", async Task<Results<Accepted<OperationJson>, ProblemHttpResult>> (
                Guid id, OperationRegistry registry, PrivilegeEvaluator privileges, IWorkbenchUser user, CancellationToken ct) =>
            {
                if (registry.Find(id, user.Name, await privileges.IsAdminAsync(user.Name, ct)) is not { } operation)
                {
                    return NotFound();
                }

                return operation.Cancel()
                    ? TypedResults.Accepted($"/api/v1/operations/{id}", operation.ToJson())
                    : TypedResults.Problem(title: "Nothing to cancel", detail: $"The operation has already ended ({operation.Status}).", statusCode: StatusCodes.Status409Conflict);
            })
            .WithName("CancelOperation")
            .WithSummary("Stops a running operation (its statement is interrupted and commits nothing half-done); 202, then poll until Cancelled; 409 when it has ended.");
        return app;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Not found", detail: "There is no such operation: it was started by someone else, or it ended over an hour ago, or the server restarted.", statusCode: StatusCodes.Status404NotFound);
}
