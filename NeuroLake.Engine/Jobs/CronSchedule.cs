using Cronos;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// A validated five-field cron expression (minute hour day-of-month month day-of-week, or a macro such as
/// <c>@daily</c>) in a time zone: when it fires next and what it means in words.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo zone)
    {
        Text = text;
        _expression = expression;
        Zone = zone;
    }

    /// <summary>The expression as the user wrote it (trimmed).</summary>
    public string Text { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses <paramref name="cron"/> in the IANA or Windows time zone <paramref name="timeZone"/>.</summary>
    /// <exception cref="JobException">The expression or the zone is not valid; the message shows a valid example.</exception>
    public static CronSchedule Parse(string? cron, string? timeZone = "UTC")
    {
        var text = (cron ?? "").Trim();
        if (text.Length == 0)
        {
            throw new JobException("The schedule is empty: give a cron expression such as '0 2 * * *' (every day at 02:00).");
        }

        if (text.Length > 200)
        {
            throw new JobException("The schedule is longer than 200 characters: a cron expression has five short fields, e.g. '0 2 * * *'.");
        }

        if (!text.StartsWith('@') && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            throw new JobException(
                $"'{text}' is not a five-field cron expression: write minute hour day-of-month month day-of-week, e.g. '0 2 * * *' (every day at 02:00) or '30 1 * * 1-5' (01:30 on weekdays).");
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(text);
        }
        catch (CronFormatException e)
        {
            throw new JobException($"'{text}' is not a valid cron expression ({e.Message.TrimEnd('.')}): e.g. '0 2 * * *' runs every day at 02:00.");
        }

        return new CronSchedule(text, expression, FindZone(timeZone));
    }

    /// <summary>The first time after <paramref name="from"/> the schedule fires, or null when it never does again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset from) => _expression.GetNextOccurrence(from, Zone);

    /// <summary>The schedule in words, e.g. "every day at 02:00 (UTC)".</summary>
    public string Describe() => $"{CronWords.Describe(Text)} ({Zone.Id})";

    private static TimeZoneInfo FindZone(string? id)
    {
        var name = string.IsNullOrWhiteSpace(id) ? "UTC" : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new JobException($"'{name}' is not a time zone this machine knows: use an IANA name such as 'Europe/Berlin' or 'UTC'.");
        }
    }
}
