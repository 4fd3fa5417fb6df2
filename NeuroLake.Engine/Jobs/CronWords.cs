using System.Globalization;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// Says a five-field cron expression in English. Common shapes get a natural sentence ("every day at 02:00",
/// "every Monday to Friday at 18:30"); anything else is described field by field, never dropped.
/// </summary>
internal static class CronWords
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@every_minute"] = "* * * * *",
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    public static string Describe(string cron)
    {
        var text = Macros.GetValueOrDefault(cron.Trim(), cron.Trim());
        var f = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5)
        {
            return $"on the schedule '{cron}'";
        }

        var (minute, hour, dom, month, dow) = (f[0], f[1], f[2], f[3], f[4]);
        var when = Time(minute, hour);
        var days = DayPart(dom, month, dow);
        var repeatsWithinADay = hour == "*" || Step(hour) is not null;
        return days == "every day" && repeatsWithinADay ? when : $"{days} {when}";
    }

    private static string Time(string minute, string hour)
    {
        if (minute == "*" && hour == "*")
        {
            return "every minute";
        }

        if (Step(minute) is { } everyMinutes && hour == "*")
        {
            return $"every {everyMinutes} minutes";
        }

        if (IsNumber(minute) && hour == "*")
        {
            return $"every hour at minute {int.Parse(minute, CultureInfo.InvariantCulture)}";
        }

        if (IsNumber(minute) && Step(hour) is { } everyHours)
        {
            return $"every {everyHours} hours at minute {int.Parse(minute, CultureInfo.InvariantCulture)}";
        }

        if (IsNumber(minute) && hour.Split(',').All(IsNumber))
        {
            var m = int.Parse(minute, CultureInfo.InvariantCulture);
            return "at " + Join(hour.Split(',').Select(h => $"{int.Parse(h, CultureInfo.InvariantCulture):00}:{m:00}").ToList());
        }

        return $"at minute {Field(minute, null)} of hour {Field(hour, null)}";
    }

    private static string DayPart(string dom, string month, string dow)
    {
        var parts = new List<string>();
        if (dom == "*" && dow == "*")
        {
            parts.Add("every day");
        }
        else
        {
            if (dom != "*")
            {
                parts.Add($"on day {Field(dom, null)} of the month");
            }

            if (dow != "*")
            {
                parts.Add((dom == "*" ? "every " : "and every ") + Field(dow, Days));
            }
        }

        if (month != "*")
        {
            parts.Add($"in {Field(month, Months, offset: 1)}");
        }

        return string.Join(' ', parts);
    }

    // A list of values, ranges and steps, with names for days and months.
    private static string Field(string field, string[]? names, int offset = 0) =>
        Join(field.Split(',').Select(item => Item(item, names, offset)).ToList());

    private static string Item(string item, string[]? names, int offset)
    {
        if (Step(item) is { } step)
        {
            return $"every {step}{Ordinal(step)} value";
        }

        var range = item.Split('-');
        if (range.Length == 2)
        {
            return $"{Name(range[0], names, offset)} to {Name(range[1], names, offset)}";
        }

        return item == "*" ? "every value" : Name(item, names, offset);
    }

    private static string Name(string value, string[]? names, int offset)
    {
        if (names is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var index = (n - offset) % names.Length;
            return index >= 0 && index < names.Length ? names[index] : value;
        }

        return value;
    }

    private static int? Step(string field) =>
        field.StartsWith("*/", StringComparison.Ordinal) && int.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool IsNumber(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
