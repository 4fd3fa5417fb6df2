using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Log;

namespace NeuroLake.Engine.Tables.Snapshots;

/// <summary>
/// Builds snapshots: lists the log (starting at the <c>_last_checkpoint</c> hint when asked for the latest version,
/// falling back to a full listing when the hint is wrong), reads the checkpoint with DuckDB, replays later commits.
/// </summary>
internal sealed class SnapshotLoader(IObjectStore store, DuckDbDatabase duckDb)
{
    public async Task<Snapshot> LoadAsync(long? version, CancellationToken ct)
    {
        var filesRead = 0;
        LogSegment? segment = null;
        LogListing? listing = null;
        if (version is null)
        {
            // The hint narrows the listing; it is verified against the listing and never trusted for content.
            byte[]? hint = null;
            try
            {
                hint = await store.GetAsync(LastCheckpoint.Key, ct).ConfigureAwait(false);
                filesRead++;
            }
            catch (ObjectNotFoundException)
            {
            }

            if (hint is not null && LastCheckpoint.TryParse(hint) is { } last)
            {
                listing = await LogListing.ListAsync(store, last.Version, ct).ConfigureAwait(false);
                segment = listing.TrySegment(null, store.Location);
            }
        }

        if (segment is null)
        {
            listing = await LogListing.ListAsync(store, null, ct).ConfigureAwait(false);
            segment = listing.TrySegment(version, store.Location) ?? throw new NotADeltaTableException(store.Location);
        }

        return await LoadSegmentAsync(segment, filesRead, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The latest snapshot, reusing <paramref name="known"/> (an earlier snapshot of this table): only commits after it
    /// are read and replayed on top. Falls back to a full load when the log does not continue it contiguously.
    /// </summary>
    public async Task<Snapshot> LatestFromAsync(Snapshot known, CancellationToken ct)
    {
        var listing = await LogListing.ListAsync(store, known.Version + 1, ct).ConfigureAwait(false);
        var newer = listing.Commits.Where(c => c.Version > known.Version).ToList();
        if (newer.Count == 0)
        {
            return listing.LatestVersion is { } latest && latest > known.Version ? await LoadAsync(null, ct).ConfigureAwait(false) : known;
        }

        for (var i = 0; i < newer.Count; i++)
        {
            if (newer[i].Version != known.Version + 1 + i)
            {
                return await LoadAsync(null, ct).ConfigureAwait(false);
            }
        }

        var commits = await Task.WhenAll(newer.Select(c => CommitFileReader.ReadAsync(store, c.Key, ct))).ConfigureAwait(false);
        var replay = LogReplay.From(known);
        foreach (var commit in commits)
        {
            if (commit.OfType<ProtocolAction>().FirstOrDefault() is { } p)
            {
                ProtocolGate.CheckRead(p, commit.OfType<MetadataAction>().FirstOrDefault() ?? replay.Metadata, store.Location);
            }

            replay.Apply(commit);
        }

        var protocol = replay.Protocol!;
        var metadata = replay.Metadata!;
        var info = commits[^1].OfType<CommitInfo>().FirstOrDefault();
        long? ict = TableProperties.InCommitTimestampsEnabled(protocol, metadata) ? info?.InCommitTimestamp : null;
        var timestamp = ict is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : newer[^1].LastModified;
        return new Snapshot(store, newer[^1].Version, protocol, metadata, replay.Files, replay.Tombstones, replay.Transactions, replay.Domains, timestamp, ict, known.CheckpointVersion, commits.Length);
    }

    public async Task<Snapshot> LoadSegmentAsync(LogSegment segment, int filesRead, CancellationToken ct)
    {
        // Commit files are fetched while DuckDB reads the checkpoint.
        var commitTasks = segment.Commits.Select(c => CommitFileReader.ReadAsync(store, c.Key, ct)).ToList();
        var replay = new LogReplay();
        if (segment.Checkpoint.Count > 0)
        {
            replay.Apply(await CheckpointReader.ReadAsync(duckDb, store, segment.Checkpoint, ct).ConfigureAwait(false));
            filesRead += segment.Checkpoint.Count;
        }

        var commits = await Task.WhenAll(commitTasks).ConfigureAwait(false);
        filesRead += commits.Length;
        CommitInfo? lastCommitInfo = null;
        for (var i = 0; i < commits.Length; i++)
        {
            // The protocol is checked as soon as it appears, so an unsupported table fails before anything else.
            if (commits[i].OfType<ProtocolAction>().FirstOrDefault() is { } p)
            {
                ProtocolGate.CheckRead(p, commits[i].OfType<MetadataAction>().FirstOrDefault() ?? replay.Metadata, store.Location);
            }

            replay.Apply(commits[i]);
            if (i == commits.Length - 1)
            {
                lastCommitInfo = commits[i].OfType<CommitInfo>().FirstOrDefault();
            }
        }

        var where = segment.CheckpointVersion is { } cp ? $"checkpoint {cp} and the commits after it" : "its commits";
        var protocol = replay.Protocol ?? throw new CorruptTableException(
            $"The log of '{store.Location}' has no protocol action (read from {where}): a Delta table needs one. The table is damaged; restore its log from a backup.");
        var metadata = replay.Metadata ?? throw new CorruptTableException(
            $"The log of '{store.Location}' has no metadata action (read from {where}): a Delta table needs one. The table is damaged; restore its log from a backup.");
        ProtocolGate.CheckRead(protocol, metadata, store.Location);
        try
        {
            Types.SchemaJson.Parse(metadata.SchemaString);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new CorruptTableException($"The metadata of '{store.Location}' has no valid schema ({e.Message}). The table is damaged; restore its log from a backup.", e);
        }

        long? ict = null;
        DateTimeOffset timestamp;
        if (TableProperties.InCommitTimestampsEnabled(protocol, metadata) && lastCommitInfo?.InCommitTimestamp is { } inCommit)
        {
            ict = inCommit;
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(inCommit);
        }
        else
        {
            timestamp = segment.LastCommit?.LastModified ?? segment.Checkpoint[0].LastModified;
        }

        return new Snapshot(store, segment.Version, protocol, metadata, replay.Files, replay.Tombstones, replay.Transactions, replay.Domains, timestamp, ict, segment.CheckpointVersion, filesRead);
    }
}
