namespace NeuroLake.Web.Security;

/// <summary>Who else may call the API from a browser, bound from <c>NeuroLake:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "NeuroLake:Security";

    /// <summary>
    /// Origins (like <c>https://dashboards.example.com</c>) whose pages may call <c>/api/v1</c> with CORS. Default none:
    /// CORS stays closed. Their calls must carry a personal access token (<c>Authorization: Bearer</c>); cookies are
    /// never accepted cross-origin.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];
}
