using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Who is a workbench administrator: a member of the engine's <c>admin</c> group (in Single mode, the one user).
/// This is the one place that decides, for pages, endpoints and the Hangfire dashboard alike.
/// </summary>
public static class WorkbenchRoles
{
    /// <summary>The administrators' group in the engine (and the role the first account gets).</summary>
    public const string Admin = RoleGroups.Admin;

    /// <summary>The authorization policy admin pages and endpoints require.</summary>
    public const string AdminPolicy = "WorkbenchAdmin";

    public static Task<bool> IsAdminAsync(PrivilegeEvaluator privileges, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? privileges.IsAdminAsync(name, ct)
            : Task.FromResult(false);
}

/// <summary>The requirement behind <see cref="WorkbenchRoles.AdminPolicy"/>.</summary>
public sealed class WorkbenchAdminRequirement : IAuthorizationRequirement;

/// <summary>Meets <see cref="WorkbenchAdminRequirement"/> for members of the engine's <c>admin</c> group.</summary>
public sealed class WorkbenchAdminHandler(PrivilegeEvaluator privileges) : AuthorizationHandler<WorkbenchAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkbenchAdminRequirement requirement)
    {
        if (await WorkbenchRoles.IsAdminAsync(privileges, context.User))
        {
            context.Succeed(requirement);
        }
    }
}
