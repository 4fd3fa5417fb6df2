using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables;

public sealed partial class DeltaTable
{
    /// <summary>DuckDB SQL yielding the rows of <paramref name="snapshot"/> (see <see cref="SnapshotRelation"/>).</summary>
    public static string ToSql(Snapshot snapshot) => SnapshotRelation.ToSql(snapshot);

    /// <summary>The table's commits, newest first (at most <paramref name="limit"/>); commits removed by log cleanup are absent.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(int? limit = null, CancellationToken ct = default)
    {
        var listing = await LogListing.ListAsync(Store, null, ct).ConfigureAwait(false);
        if (listing.Files.Count == 0)
        {
            throw new Errors.NotADeltaTableException(Location);
        }

        var commits = listing.Commits.Reverse().Take(limit ?? int.MaxValue).ToList();
        var entries = await Task.WhenAll(commits.Select(async commit =>
        {
            var actions = await CommitFileReader.ReadAsync(Store, commit.Key, ct).ConfigureAwait(false);
            var info = actions.OfType<CommitInfo>().FirstOrDefault();
            var millis = info?.InCommitTimestamp ?? info?.Timestamp;
            return new HistoryEntry(
                commit.Version,
                millis is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : commit.LastModified,
                info?.Operation,
                info?.OperationParameters ?? new Dictionary<string, string>(),
                info?.OperationMetrics ?? new Dictionary<string, string>(),
                info?.UserName,
                info?.EngineInfo);
        })).ConfigureAwait(false);
        return entries;
    }
}
