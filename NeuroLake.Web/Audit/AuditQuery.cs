using System.Globalization;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Web.Audit;

/// <summary>
/// The Audit page's filters as a query string and back: the page's export link and <c>GET /api/v1/audit/export</c>
/// read the same search. Dates are whole UTC days: <c>from</c> inclusive, <c>to</c> inclusive of its whole day.
/// </summary>
public static class AuditQuery
{
    public static string ToQueryString(AuditSearch search)
    {
        var parts = new List<string>();
        Add(parts, "user", search.User);
        Add(parts, "action", search.Action?.ToString());
        Add(parts, "target", search.Target);
        Add(parts, "from", search.From?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", search.To?.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The search these query values ask for, or the reason they cannot be read.</summary>
    public static (AuditSearch? Search, string? Problem) Parse(string? user, string? action, string? target, string? from, string? to)
    {
        AuditAction? kind = null;
        if (!string.IsNullOrEmpty(action))
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return (null, $"\"action\" must be one of {string.Join(", ", Enum.GetNames<AuditAction>())}; it was '{action}'.");
            }

            kind = parsed;
        }

        if (!TryDay(from, out var fromDay) || !TryDay(to, out var toDay))
        {
            return (null, "\"from\" and \"to\" are dates written yyyy-MM-dd, like 2026-03-01.");
        }

        return (new AuditSearch
        {
            User = string.IsNullOrWhiteSpace(user) ? null : user.Trim(),
            Action = kind,
            Target = string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
            From = fromDay,
            To = toDay?.AddDays(1),
        }, null);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static bool TryDay(string? text, out DateTimeOffset? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return false;
    }
}
