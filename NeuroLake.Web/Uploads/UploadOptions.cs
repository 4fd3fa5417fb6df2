namespace NeuroLake.Web.Uploads;

/// <summary>Settings of the ingestion wizard's uploads, bound from <c>NeuroLake:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "NeuroLake:Uploads";

    /// <summary>How long an upload that was not loaded stays staged. Default 7 days.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired uploads are looked for while the app runs. Default 1 hour.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
