namespace NeuroLake.Engine.Configuration;

/// <summary>
/// How long scratch files may stay in the data folder, bound from <c>NeuroLake:Cleanup</c>: ingestion staging, table
/// staging and wizard uploads nobody loaded are removed once older than <see cref="MaxAge"/>, checked every
/// <see cref="Interval"/>. Staging and scratch left by an earlier run of the app go at start whatever their age;
/// wizard uploads are kept across restarts (a reloaded page still offers them) until they reach the age.
/// </summary>
public sealed class CleanupOptions
{
    /// <summary>Age after which a staged file or upload is removed. Default one day; must be positive.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the cleanup runs. Default one hour; must be positive.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
