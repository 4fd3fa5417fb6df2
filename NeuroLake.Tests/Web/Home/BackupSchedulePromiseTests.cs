using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Backups;

namespace NeuroLake.Tests.Web.Home;

/// <summary>What a backup schedule promises: the longest gap between its runs, the most frequent schedule winning.</summary>
public sealed class BackupSchedulePromiseTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_weekday_schedule_promises_the_weekend_gap_and_the_more_frequent_schedule_wins()
    {
        Assert.Equal(TimeSpan.FromDays(3), BackupSchedulePromise.Interval([CronSchedule.Parse("0 2 * * 1-5")], Wednesday));
        Assert.Equal(TimeSpan.FromHours(6), BackupSchedulePromise.Interval([CronSchedule.Parse("0 2 * * 1-5"), CronSchedule.Parse("0 */6 * * *")], Wednesday));
        Assert.Null(BackupSchedulePromise.Interval([], Wednesday));
    }

    [Fact]
    public void The_deadline_allows_half_the_interval_for_the_run_but_at_most_an_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), BackupSchedulePromise.Deadline(TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromHours(25), BackupSchedulePromise.Deadline(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void No_schedule_needs_attention_but_is_not_overdue_and_a_missing_set_under_a_schedule_is()
    {
        var unscheduled = new BackupHealthReport(null, null, null, 0, null);
        Assert.Equal((false, true), (unscheduled.Overdue, unscheduled.NeedsAttention));
        Assert.True(new BackupHealthReport(null, null, TimeSpan.FromDays(1), 1, null).Overdue);
        Assert.False(new BackupHealthReport(Wednesday, TimeSpan.FromHours(24.5), TimeSpan.FromDays(1), 1, null).Overdue);
        Assert.True(new BackupHealthReport(Wednesday, TimeSpan.FromHours(25.5), TimeSpan.FromDays(1), 1, null).Overdue);
    }
}
