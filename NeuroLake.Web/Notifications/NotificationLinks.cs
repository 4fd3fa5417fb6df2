namespace NeuroLake.Web.Notifications;

/// <summary>Where a notification points in the workbench.</summary>
public static class NotificationLinks
{
    /// <summary>The Jobs page showing one run; relative to the app's base (a link in a page).</summary>
    public static string Run(Guid runId) => $"jobs?run={runId}";

    /// <summary>The same as a path from the site's root (for messages leaving the app, e.g. the failure webhook).</summary>
    public static string RunPath(Guid runId) => "/" + Run(runId);
}
