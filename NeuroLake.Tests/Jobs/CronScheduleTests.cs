using NeuroLake.Engine.Jobs;

namespace NeuroLake.Tests.Jobs;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 2 * * *", "every day at 02:00 (UTC)")]
    [InlineData("30 18 * * 1-5", "every Monday to Friday at 18:30 (UTC)")]
    [InlineData("*/15 * * * *", "every 15 minutes (UTC)")]
    [InlineData("0 3 1 * *", "on day 1 of the month at 03:00 (UTC)")]
    [InlineData("0 6,18 * * 0", "every Sunday at 06:00 and 18:00 (UTC)")]
    [InlineData("@daily", "every day at 00:00 (UTC)")]
    [InlineData("5 * * * *", "every hour at minute 5 (UTC)")]
    public void A_schedule_is_said_in_words(string cron, string words) =>
        Assert.Equal(words, CronSchedule.Parse(cron).Describe());

    [Fact]
    public void The_next_run_follows_the_time_zone_of_the_schedule()
    {
        var berlin = CronSchedule.Parse("0 2 * * *", "Europe/Berlin");
        var from = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), berlin.NextAfter(from));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0 2 * *", "five-field")]
    [InlineData("61 2 * * *", "not a valid cron expression")]
    [InlineData("0 2 * * * *", "five-field")]
    public void A_bad_schedule_is_refused_with_an_example_of_a_good_one(string cron, string says)
    {
        var error = Assert.Throws<JobException>(() => CronSchedule.Parse(cron));

        Assert.Contains(says, error.Message);
        Assert.Contains("'0 2 * * *'", error.Message);
    }
}
