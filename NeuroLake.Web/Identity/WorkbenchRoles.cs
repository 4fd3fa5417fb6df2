using System.Security.Claims;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Who is a workbench administrator. Today the <c>admin</c> role on the account (the first administrator gets it); the
/// engine's <c>admin</c> group is the long-term source, and this is the one place that decides.
/// </summary>
public static class WorkbenchRoles
{
    /// <summary>The administrators' role (and the engine's group of the same name).</summary>
    public const string Admin = "admin";

    /// <summary>The authorization policy admin pages and endpoints require.</summary>
    public const string AdminPolicy = "WorkbenchAdmin";

    public static Task<bool> IsAdminAsync(ClaimsPrincipal user) =>
        Task.FromResult(user.Identity?.IsAuthenticated == true && user.IsInRole(Admin));
}
