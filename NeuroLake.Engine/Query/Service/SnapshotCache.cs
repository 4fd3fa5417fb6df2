using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The latest snapshot of each table the service reads, kept across statements so a statement does not open a new
/// <see cref="DeltaTable"/> and replay its log. Each use checks the log with two object stats: the commit after the
/// cached version must be absent, and the cached version's commit file must still have the size and time it had.
/// </summary>
/// <remarks>
/// Why the log and not the catalog's recorded version: the log is the table's truth, so commits by other processes
/// (another NeuroLake, Spark writing to an external location) are seen, and commits are published atomically
/// (put-if-absent), so a present file is a complete one. The second stat catches a table dropped and created again
/// at the same location, whose version numbers start over.
/// </remarks>
internal sealed class SnapshotCache(Func<string, CancellationToken, Task<DeltaTable>> open, SnapshotFromItems fromItems, int capacity = 256)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Snapshot, string> _relations = [];
    private long _clock;

    /// <summary>The latest snapshot of the table at <paramref name="location"/>, seeing every commit made before the call.</summary>
    public async Task<Snapshot> LatestAsync(string location, CancellationToken ct) => (await ValidatedAsync(location, ct)).Latest;

    /// <summary>The table at <paramref name="location"/> for reads (time travel): its cached latest snapshot is current.</summary>
    public async Task<DeltaTable> TableAsync(string location, CancellationToken ct) => (await ValidatedAsync(location, ct)).Table;

    /// <summary>The DuckDB relation of <paramref name="snapshot"/>, built once per snapshot.</summary>
    public string RelationOf(Snapshot snapshot) => _relations.GetValue(snapshot, DeltaTable.ToSql);

    /// <summary>What a FROM clause names to read <paramref name="snapshot"/> (see <see cref="SnapshotFromItems"/>), decided once per snapshot.</summary>
    public string FromItemOf(Snapshot snapshot) => fromItems.Of(snapshot, RelationOf(snapshot));

    private async Task<Entry> ValidatedAsync(string location, CancellationToken ct)
    {
        if (_entries.TryGetValue(location, out var entry))
        {
            var store = entry.Table.Store;
            var current = await store.GetInfoAsync(LogFileName.CommitKey(entry.Latest.Version), ct).ConfigureAwait(false);
            if (current == entry.Commit)
            {
                if (await store.GetInfoAsync(LogFileName.CommitKey(entry.Latest.Version + 1), ct).ConfigureAwait(false) is null)
                {
                    entry.LastUsed = Interlocked.Increment(ref _clock);
                    return entry;
                }

                // Newer commits: the table reads only those and replays them on the cached state.
                return await RememberAsync(location, entry.Table, ct).ConfigureAwait(false);
            }

            // The cached version's commit changed or vanished: another table lives here now.
            _entries.TryRemove(KeyValuePair.Create(location, entry));
        }

        return await RememberAsync(location, await open(location, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    private async Task<Entry> RememberAsync(string location, DeltaTable table, CancellationToken ct)
    {
        var latest = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        var commit = await table.Store.GetInfoAsync(LogFileName.CommitKey(latest.Version), ct).ConfigureAwait(false);
        var entry = new Entry(table, latest, commit) { LastUsed = Interlocked.Increment(ref _clock) };
        if (commit is null)
        {
            // A version known from a checkpoint alone cannot be checked cheaply: used once, not kept.
            return entry;
        }

        // Concurrent statements may race here; any of their entries is current, the newest version wins.
        _entries.AddOrUpdate(location, entry, (_, old) => old.Latest.Version > latest.Version && old.Commit is not null ? old : entry);
        if (_entries.Count > capacity)
        {
            Evict();
        }

        return entry;
    }

    /// <summary>Drops the least recently used quarter, so a service reading many tables keeps its memory bounded.</summary>
    private void Evict()
    {
        foreach (var stale in _entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(1, capacity / 4)).ToList())
        {
            _entries.TryRemove(stale);
        }
    }

    private sealed class Entry(DeltaTable table, Snapshot latest, ObjectInfo? commit)
    {
        public DeltaTable Table { get; } = table;

        public Snapshot Latest { get; } = latest;

        public ObjectInfo? Commit { get; } = commit;

        public long LastUsed { get; set; }
    }
}
