using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Web.Components.Pages.Jobs;

/// <summary>One run on the duration chart: start time as text in the user's zone, seconds, status name, hover text.</summary>
public sealed record DurationPoint(string X, double Seconds, string Status, string Hover)
{
    public static IReadOnlyList<DurationPoint> From(IReadOnlyList<JobRunDuration> runs, UserClock clock) => runs
        .Select(r => new DurationPoint(
            clock.ToLocal(r.StartedAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            r.Duration.TotalSeconds,
            r.Status.ToString(),
            $"{clock.Format(r.StartedAt)}<br>{r.Status}, {JobDurations.Text(r.Duration)}"))
        .ToList();
}
