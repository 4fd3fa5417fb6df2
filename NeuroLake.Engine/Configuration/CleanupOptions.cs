namespace NeuroLake.Engine.Configuration;

/// <summary>
/// How long scratch files may stay in the data folder, bound from <c>NeuroLake:Cleanup</c>: ingestion and table
/// staging are removed once older than <see cref="MaxAge"/> by the "Remove stale scratch files" system job, on its
/// schedule (Jobs page). Staging and scratch left by an earlier run of the app go at start whatever their age.
/// </summary>
public sealed class CleanupOptions
{
    /// <summary>Age after which a staged file is removed. Default one day; must be positive.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);
}
