using Hangfire.Dashboard;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Jobs;

/// <summary>Hangfire's dashboard is for administrators: it can delete and re-queue any job.</summary>
public sealed class AdminDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return WorkbenchRoles.IsAdminAsync(http.RequestServices.GetRequiredService<PrivilegeEvaluator>(), http.User, http.RequestAborted);
    }
}
