using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Backups;

/// <summary>
/// What the backup schedules promise: the longest gap between two consecutive runs of the most frequent active backup
/// job (a cron like "0 2 * * 1-5" has a longer gap over the weekend, so the longest gap is the honest promise).
/// </summary>
public static class BackupSchedulePromise
{
    /// <summary>Occurrences looked at; enough to cover a week of an hourly schedule's irregular gaps.</summary>
    private const int Occurrences = 200;

    /// <summary>The promised interval, or null when no schedule fires.</summary>
    public static TimeSpan? Interval(IEnumerable<CronSchedule> schedules, DateTimeOffset now)
    {
        TimeSpan? best = null;
        foreach (var schedule in schedules)
        {
            if (LongestGap(schedule, now) is { } gap && (best is null || gap < best))
            {
                best = gap;
            }
        }

        return best;
    }

    /// <summary>
    /// Older than this, the last backup breaks the promise: the interval plus time for a run to finish (half the
    /// interval, at most an hour).
    /// </summary>
    public static TimeSpan Deadline(TimeSpan interval) => interval + TimeSpan.FromTicks(Math.Min(interval.Ticks / 2, TimeSpan.FromHours(1).Ticks));

    private static TimeSpan? LongestGap(CronSchedule schedule, DateTimeOffset now)
    {
        TimeSpan? longest = null;
        var previous = schedule.NextAfter(now);
        for (var i = 0; i < Occurrences && previous is { } from; i++)
        {
            if (schedule.NextAfter(from) is not { } next)
            {
                break;
            }

            var gap = next - from;
            longest = longest is null || gap > longest ? gap : longest;
            previous = next;
        }

        return longest;
    }
}
