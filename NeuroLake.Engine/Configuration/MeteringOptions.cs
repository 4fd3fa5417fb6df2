namespace NeuroLake.Engine.Configuration;

/// <summary>
/// How long metered usage is kept, bound from <c>NeuroLake:Metering</c>: the daily "Meter storage and prune usage"
/// system job removes metered statements, job runs and storage days older than <see cref="RetentionDays"/>.
/// </summary>
public sealed class MeteringOptions
{
    /// <summary>Days of usage kept. Default 400 (a year and a month, so a year-on-year comparison has data); at least 1.</summary>
    public int RetentionDays { get; set; } = 400;
}
