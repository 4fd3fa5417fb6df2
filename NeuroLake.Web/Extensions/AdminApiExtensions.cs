using NeuroLake.Web.Api;

namespace NeuroLake.Web.Extensions;

public static class AdminApiExtensions
{
    /// <summary>
    /// Maps what the admin screens do for scripts: <c>/api/v1/admin</c> (users, groups, tokens, settings; administrators
    /// only), <c>/api/v1/grants</c> (the engine decides, as for SQL GRANT) and the caller's own <c>/api/v1/me/tokens</c>.
    /// </summary>
    public static WebApplication MapNeuroLakeAdminApi(this WebApplication app)
    {
        app.MapUsersApi();
        app.MapGroupsApi();
        app.MapTokensApi();
        app.MapSettingsApi();
        app.MapGrantsApi();
        app.MapMyTokensApi();
        return app;
    }
}
