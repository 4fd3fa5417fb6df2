namespace NeuroLake.Web.Security;

/// <summary>Request size, disk quota and rate limits, bound from <c>NeuroLake:Limits</c>.</summary>
public sealed class LimitOptions
{
    public const string SectionName = "NeuroLake:Limits";

    /// <summary>Largest request body of any endpoint but uploads and ingestion. Default 30 MB.</summary>
    public long MaxRequestBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>Largest file one upload or ingestion request may send. Default 2 GB.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Disk each user's staged uploads and ingestions in progress may fill together. Default 10 GB.</summary>
    public long UserQuotaBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>API requests per minute per user (or remote address when signed out); 0 turns the limit off. Default 600.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-in attempts (POST under <c>/account</c>) per minute per remote address; 0 turns it off. Default 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
