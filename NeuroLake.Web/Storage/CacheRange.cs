using System.Globalization;

namespace NeuroLake.Web.Storage;

/// <summary>The times of cache samples asked for, [<see cref="From"/>, <see cref="To"/>], at most <see cref="MaxDays"/> days.</summary>
public sealed record CacheRange(DateTimeOffset From, DateTimeOffset To)
{
    public const int MaxDays = 31;

    /// <summary>The last day up to <paramref name="now"/>, what the page and the API show unless told otherwise.</summary>
    public static CacheRange LastDay(DateTimeOffset now) => new(now.AddDays(-1), now);

    /// <summary>
    /// The range <paramref name="from"/>–<paramref name="to"/> (ISO 8601 times; a missing end is now, a missing start
    /// one day before the end), or why it is not one.
    /// </summary>
    public static (CacheRange? Range, string? Problem) Parse(string? from, string? to, DateTimeOffset now)
    {
        if (!TryTime(to, now, out var end))
        {
            return (null, $"'to' is not a time: give an ISO 8601 time such as {now:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        if (!TryTime(from, end.AddDays(-1), out var start))
        {
            return (null, $"'from' is not a time: give an ISO 8601 time such as {now.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}.");
        }

        return Of(start, end);
    }

    /// <summary>The range, or why it is not one (reversed, or longer than <see cref="MaxDays"/> days).</summary>
    public static (CacheRange? Range, string? Problem) Of(DateTimeOffset from, DateTimeOffset to) =>
        from > to ? (null, "'from' is after 'to': give the earlier time as 'from'.")
        : to - from > TimeSpan.FromDays(MaxDays) ? (null, $"The range is longer than {MaxDays} days: ask for a shorter one (samples are kept as long as metered usage, so page through older ranges).")
        : (new CacheRange(from, to), null);

    private static bool TryTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            time = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
