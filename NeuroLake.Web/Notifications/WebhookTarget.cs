namespace NeuroLake.Web.Notifications;

/// <summary>A webhook address as it may appear in a log: scheme, host and port only (the path and query may hold a secret).</summary>
internal static class WebhookTarget
{
    public static string Redacted(Uri url) => $"{url.Scheme}://{url.Authority}";
}
