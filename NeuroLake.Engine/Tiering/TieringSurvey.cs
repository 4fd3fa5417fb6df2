using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Tiering;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Tiering;

/// <summary>
/// Gathers what the planner needs: every registered table's data files (those only older versions need, with when they
/// left the latest version; placed ones in their tier), its override, and its use from the metered statements of the
/// planner's warm window (reads and writes by table name).
/// </summary>
internal sealed class TieringSurvey(RegisteredTables registered, DuckDbDatabase duckDb, ObjectStoreFactory stores, TierOverrideStore overrides, MeteredWorkStore? metering)
{
    public async Task<(IReadOnlyList<TieringTable> Tables, IReadOnlyList<string> Problems)> MeasureAsync(int windowDays, DateTimeOffset now, CancellationToken ct)
    {
        var tables = await registered.ListAsync(ct).ConfigureAwait(false);
        var byLocation = await overrides.ListAsync(ct).ConfigureAwait(false);
        var work = metering is null ? [] : await metering.ListAsync(now - TimeSpan.FromDays(windowDays), now, ct).ConfigureAwait(false);
        var measured = new List<TieringTable>();
        var problems = new List<string>();
        foreach (var table in tables)
        {
            var name = table.Name.ToString();
            try
            {
                var touches = work.Where(w => w.Tables.Any(t => t.Table == name)).ToList();
                var reads = touches.Count(w => w.Tables.Any(t => t.Table == name && !t.Written));
                var lastUse = touches.Count == 0 ? (DateTimeOffset?)null : touches.Max(w => w.StartedAt);
                measured.Add(await MeasureAsync(name, table.Location, byLocation.GetValueOrDefault(table.Location), lastUse, reads, ct).ConfigureAwait(false));
            }
            catch (Exception e) when (e is Errors.NeuroLakeException or IOException or NotSupportedException or UnauthorizedAccessException)
            {
                problems.Add($"{name}: {e.Message}");
            }
        }

        return (measured, problems);
    }

    /// <summary>Opens a table's store with its placements (null when no catalog backs placements here).</summary>
    public async Task<TieredObjectStore?> OpenAsync(string location, CancellationToken ct) =>
        await stores.OpenAsync(location, ct).ConfigureAwait(false) as TieredObjectStore;

    private async Task<TieringTable> MeasureAsync(string name, string location, TierOverride @override, DateTimeOffset? lastUse, int reads, CancellationToken ct)
    {
        var store = await OpenAsync(location, ct).ConfigureAwait(false)
            ?? throw new NotSupportedException("placements are not available without a catalog");
        var snapshot = await new DeltaTable(store, duckDb).GetSnapshotAsync(null, ct).ConfigureAwait(false);
        var root = store.GetLocalPath("");
        var latest = snapshot.Files.Select(f => FilePaths.ToKey(f.Path, root)).ToHashSet(StringComparer.Ordinal);
        var partitions = snapshot.PartitionColumns.Count == 0 ? new Dictionary<string, string>(StringComparer.Ordinal)
            : snapshot.Files.GroupBy(f => FilePaths.ToKey(f.Path, root), StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => string.Join("/", snapshot.PartitionColumns.Select(c => $"{c}={g.First().PartitionValues.GetValueOrDefault(c) ?? "null"}")), StringComparer.Ordinal);
        var removed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var tombstone in snapshot.Tombstones.Where(t => t.DeletionTimestamp is not null))
        {
            removed[FilePaths.ToKey(tombstone.Path, root)] = DateTimeOffset.FromUnixTimeMilliseconds(tombstone.DeletionTimestamp!.Value);
        }

        var home = HomeOf(store);
        var files = (await store.ListAsync("", null, ct).ConfigureAwait(false))
            .Where(o => !VacuumCommand.IsHidden(o.Key))
            .Select(o => new TieringFile(o.Key, o.Size, latest.Contains(o.Key), o.LastModified, removed.TryGetValue(o.Key, out var at) ? at : null,
                store.Placements.Find(o.Key)?.Tier ?? home, partitions.GetValueOrDefault(o.Key)))
            .ToList();
        var written = snapshot.Files.Count == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(snapshot.Files.Max(f => f.ModificationTime));
        var touched = new[] { lastUse, written }.Max();
        return new TieringTable(name, location, files, @override, touched, reads, home);
    }

    /// <summary>The tier of a table's own store: this disk for a folder, object storage's standard class for S3.</summary>
    public static StorageTier HomeOf(TieredObjectStore store) => store.Inner.GetLocalPath("") is null ? StorageTier.Warm : StorageTier.Hot;
}
