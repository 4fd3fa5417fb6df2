namespace NeuroLake.Web.Identity;

/// <summary>
/// Paths called by programs rather than browsers: the REST API, its OpenAPI document and the Prometheus scrape endpoint. They take a
/// personal access token as a bearer token, and a refusal answers 401/403 instead of redirecting to the sign-in page.
/// </summary>
internal static class MachineEndpoints
{
    public static bool Serves(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/metrics");
}
