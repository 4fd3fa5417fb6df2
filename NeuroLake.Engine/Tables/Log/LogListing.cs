using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Log;

/// <summary>The recognised files of a table's <c>_delta_log</c>, and the segment choice for a version.</summary>
internal sealed class LogListing
{
    private LogListing(IReadOnlyList<LogFileName> files, bool complete)
    {
        Files = files;
        IsComplete = complete;
        Commits = files.Where(f => f.Kind == LogFileKind.Commit).ToList();
    }

    public IReadOnlyList<LogFileName> Files { get; }

    public IReadOnlyList<LogFileName> Commits { get; }

    /// <summary>False when the listing started at a checkpoint hint and omits older files.</summary>
    public bool IsComplete { get; }

    public static async Task<LogListing> ListAsync(IObjectStore store, long? fromVersion, CancellationToken ct)
    {
        var startAfter = fromVersion is > 0 ? $"{LogFileName.LogFolder}{fromVersion.Value - 1:D20}~" : null;
        var objects = await store.ListAsync(LogFileName.LogFolder, startAfter, ct).ConfigureAwait(false);
        var files = objects.Select(LogFileName.TryParse).Where(f => f is not null).Select(f => f!).ToList();
        return new LogListing(files, fromVersion is null or 0);
    }

    public long? LatestVersion => Files.Count == 0 ? null : Files.Max(f => f.Version);

    /// <summary>Picks the segment for <paramref name="version"/> (null: latest), checking contiguity.</summary>
    public LogSegment? TrySegment(long? version, string location)
    {
        if (Files.Count == 0)
        {
            return null;
        }

        var latest = LatestVersion!.Value;
        var target = version ?? latest;
        if (target > latest)
        {
            throw new VersionNotFoundException($"Version {target} of '{location}' does not exist: the latest version is {latest}.");
        }

        var checkpoint = NewestCompleteCheckpoint(target);
        if (checkpoint is null && !IsComplete)
        {
            return null;
        }

        var from = checkpoint is null ? 0 : checkpoint[0].Version + 1;
        var commits = Commits.Where(c => c.Version >= from && c.Version <= target).ToList();
        var expected = from;
        foreach (var commit in commits)
        {
            if (commit.Version != expected)
            {
                throw new CorruptTableException(
                    $"The log of '{location}' is not contiguous: versions not contiguous, version {expected} is missing before {commit.Version}. "
                    + "Restore the missing commit file from a backup; NeuroLake will not guess the table's state.");
            }

            expected++;
        }

        if (expected <= target)
        {
            if (checkpoint is null && commits.Count == 0 && Commits.Count > 0 && Commits[0].Version > target)
            {
                throw new VersionNotFoundException(
                    $"Version {target} of '{location}' is no longer available: its commits were removed and no checkpoint covers it. The oldest available version is {OldestReconstructable(location)}.");
            }

            throw new CorruptTableException(
                $"The log of '{location}' is not contiguous: versions not contiguous, version {expected} is missing (wanted version {target}). "
                + "Restore the missing commit file from a backup.");
        }

        var lastCommit = Commits.FirstOrDefault(c => c.Version == target);
        return new LogSegment(target, checkpoint ?? [], commits, lastCommit);
    }

    private string OldestReconstructable(string location)
    {
        var checkpoints = Files.Where(f => f.Kind != LogFileKind.Commit).Select(f => f.Version).Order().ToList();
        return checkpoints.Count > 0 ? checkpoints[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"unknown for {location}";
    }

    private List<LogFileName>? NewestCompleteCheckpoint(long atOrBefore)
    {
        foreach (var group in Files
            .Where(f => f.Version <= atOrBefore && f.Kind is LogFileKind.ClassicCheckpoint or LogFileKind.MultiPartCheckpoint)
            .GroupBy(f => f.Version)
            .OrderByDescending(g => g.Key))
        {
            var classic = group.FirstOrDefault(f => f.Kind == LogFileKind.ClassicCheckpoint);
            if (classic is not null)
            {
                return [classic];
            }

            // A multi-part checkpoint counts only with every part present (parts may be left over from a crash).
            foreach (var byParts in group.GroupBy(f => f.Parts))
            {
                var parts = byParts.OrderBy(f => f.Part).DistinctBy(f => f.Part).ToList();
                if (parts.Count == byParts.Key && parts[^1].Part == byParts.Key)
                {
                    return parts;
                }
            }
        }

        return null;
    }
}
