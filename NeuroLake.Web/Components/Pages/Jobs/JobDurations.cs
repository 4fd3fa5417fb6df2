namespace NeuroLake.Web.Components.Pages.Jobs;

/// <summary>How the Jobs page writes a run's duration.</summary>
public static class JobDurations
{
    public static string Text(TimeSpan d) =>
        d.TotalMinutes >= 1 ? $"{(int)d.TotalMinutes} min {d.Seconds} s" : $"{d.TotalSeconds:0.0} s";
}
