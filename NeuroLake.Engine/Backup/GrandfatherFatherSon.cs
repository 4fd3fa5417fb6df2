using System.Globalization;

namespace NeuroLake.Engine.Backup;

/// <summary>Chooses the sets a <see cref="BackupRetentionPolicy"/> keeps, each with the first reason it is kept for.</summary>
internal static class GrandfatherFatherSon
{
    public static IReadOnlyDictionary<string, string> Keep(IEnumerable<(string SetId, DateTimeOffset CreatedAt)> sets, BackupRetentionPolicy policy)
    {
        var newest = sets.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.SetId, StringComparer.Ordinal).ToList();
        var keep = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var set in newest.Take(policy.Latest))
        {
            keep.TryAdd(set.SetId, "latest");
        }

        KeepNewestOf(newest, s => s.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), policy.Daily, "daily", keep);
        KeepNewestOf(newest, s => $"{ISOWeek.GetYear(s.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(s.UtcDateTime):00}", policy.Weekly, "weekly", keep);
        KeepNewestOf(newest, s => s.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), policy.Monthly, "monthly", keep);
        return keep;
    }

    /// <summary>Groups come newest first (GroupBy keeps first-seen order), and each group's first set is its newest.</summary>
    private static void KeepNewestOf(
        List<(string SetId, DateTimeOffset CreatedAt)> newest, Func<DateTimeOffset, string> period, int count, string kind, Dictionary<string, string> keep)
    {
        foreach (var group in newest.GroupBy(s => period(s.CreatedAt)).Take(count))
        {
            keep.TryAdd(group.First().SetId, $"{kind} {group.Key}");
        }
    }
}
