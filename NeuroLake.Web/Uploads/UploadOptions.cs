namespace NeuroLake.Web.Uploads;

/// <summary>Settings of the ingestion wizard's uploads, bound from <c>NeuroLake:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "NeuroLake:Uploads";

    /// <summary>
    /// How long an upload that was not loaded stays staged. Default 7 days. How often expired uploads are removed is
    /// the schedule of the "Remove expired uploads" system job (Jobs page).
    /// </summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromDays(7);
}
