using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Log;

namespace NeuroLake.Engine.Tables.Snapshots;

/// <summary>
/// Maps a timestamp to the latest version committed at or before it. Versions with in-commit timestamps use them
/// (binary search, they strictly increase); older versions use the commit files' times, made monotonic as Delta does.
/// </summary>
internal static class CommitTimeline
{
    public static async Task<long> VersionAtAsync(IObjectStore store, Snapshot latest, DateTimeOffset timestamp, CancellationToken ct)
    {
        var listing = await LogListing.ListAsync(store, null, ct).ConfigureAwait(false);
        var commits = listing.Commits.Where(c => c.Version <= latest.Version).ToList();
        if (commits.Count == 0)
        {
            throw new VersionNotFoundException($"'{store.Location}' has no commit files to resolve a timestamp against.");
        }

        var target = timestamp.ToUnixTimeMilliseconds();
        var ictFrom = latest.InCommitTimestampsEnabled ? TableProperties.IctEnablementVersion(latest.Metadata) : long.MaxValue;

        // File-time part: monotonic adjustment over commits before in-commit timestamps were enabled.
        long? best = null;
        long previous = long.MinValue;
        long firstTime = long.MinValue;
        var fileTimed = commits.Where(c => c.Version < ictFrom).ToList();
        foreach (var commit in fileTimed)
        {
            var time = Math.Max(commit.LastModified.ToUnixTimeMilliseconds(), previous == long.MinValue ? long.MinValue : previous + 1);
            if (firstTime == long.MinValue)
            {
                firstTime = time;
            }

            previous = time;
            if (time <= target)
            {
                best = commit.Version;
            }
        }

        var ictTimed = commits.Where(c => c.Version >= ictFrom).ToList();
        if (ictTimed.Count > 0)
        {
            var lo = 0;
            var hi = ictTimed.Count - 1;
            var found = -1;
            if (firstTime == long.MinValue)
            {
                firstTime = await InCommitTimestampAsync(store, ictTimed[0], ct).ConfigureAwait(false);
            }

            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                var time = await InCommitTimestampAsync(store, ictTimed[mid], ct).ConfigureAwait(false);
                if (time <= target)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            if (found >= 0)
            {
                best = ictTimed[found].Version;
            }
        }

        return best ?? throw new VersionNotFoundException(
            $"'{store.Location}' has no version at or before {timestamp:O}: the first available commit was at {DateTimeOffset.FromUnixTimeMilliseconds(firstTime):O}. Use a later timestamp.");
    }

    private static async Task<long> InCommitTimestampAsync(IObjectStore store, LogFileName commit, CancellationToken ct)
    {
        var actions = await CommitFileReader.ReadAsync(store, commit.Key, ct).ConfigureAwait(false);
        return actions.OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp
            ?? throw new CorruptTableException($"The commit file '{commit.Key}' in '{store.Location}' lacks the in-commit timestamp the table's protocol requires.");
    }
}
