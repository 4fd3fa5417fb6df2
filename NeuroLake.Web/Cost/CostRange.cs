using System.Globalization;
using NeuroLake.Engine.Cost;

namespace NeuroLake.Web.Cost;

/// <summary>The UTC days a cost view covers, both ends included; at most <see cref="MaxDays"/> days.</summary>
public sealed record CostRange(DateOnly From, DateOnly To)
{
    /// <summary>Metering keeps 400 days by default; a longer range would only show empty days.</summary>
    public const int MaxDays = 400;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The range of the same length just before this one, for top movers.</summary>
    public CostRange Previous => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>This month so far: its first day to <paramref name="today"/>.</summary>
    public static CostRange MonthToDate(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1), today);

    /// <summary>
    /// The range asked for, missing ends filled from this month so far; a reversed or too long range throws a
    /// <see cref="CostException"/> saying how to fix it.
    /// </summary>
    public static CostRange Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var last = to ?? today;
        var first = from ?? (to is null ? MonthToDate(today).From : new DateOnly(last.Year, last.Month, 1));
        if (first > last)
        {
            throw new CostException(string.Create(CultureInfo.InvariantCulture,
                $"The range starts ({first:yyyy-MM-dd}) after it ends ({last:yyyy-MM-dd}): give from on or before to."));
        }

        var range = new CostRange(first, last);
        return range.Days <= MaxDays
            ? range
            : throw new CostException(string.Create(CultureInfo.InvariantCulture,
                $"The range {first:yyyy-MM-dd} to {last:yyyy-MM-dd} covers {range.Days} days: ask for at most {MaxDays} days (usage is kept for about that long)."));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} to {To:yyyy-MM-dd}");
}
