using System.Globalization;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>Delta's <c>delta.deletedFileRetentionDuration</c> property: an interval such as "interval 7 days".</summary>
internal static partial class RetentionDuration
{
    public const string Property = "delta.deletedFileRetentionDuration";

    public static readonly TimeSpan Default = TimeSpan.FromDays(7);

    public static TimeSpan Of(IReadOnlyDictionary<string, string> configuration)
    {
        if (!configuration.TryGetValue(Property, out var text))
        {
            return Default;
        }

        var match = Interval().Match(text);
        if (!match.Success)
        {
            throw new InvalidTableOperationException($"The table property {Property} = '{text}' is not an interval. Set it like 'interval 7 days'.");
        }

        var n = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value.ToLowerInvariant().TrimEnd('s') switch
        {
            "week" => TimeSpan.FromDays(7 * n),
            "day" => TimeSpan.FromDays(n),
            "hour" => TimeSpan.FromHours(n),
            "minute" => TimeSpan.FromMinutes(n),
            "second" => TimeSpan.FromSeconds(n),
            "millisecond" => TimeSpan.FromMilliseconds(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    [GeneratedRegex(@"^\s*(?:interval\s+)?(\d+(?:\.\d+)?)\s*(weeks?|days?|hours?|minutes?|seconds?|milliseconds?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();
}
