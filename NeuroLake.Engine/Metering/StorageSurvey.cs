using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Storage.Tiering;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Metering;

/// <summary>What the survey measured, and the tables it could not measure with why.</summary>
public sealed record StorageSurveyResult(IReadOnlyList<StorageDay> Tables, IReadOnlyList<string> Problems);

/// <summary>
/// Measures every registered table's storage: the data files its latest version reads, and the data files still in
/// its folder that only older versions need (what VACUUM could remove once they leave the retention window). The
/// Delta log itself is not counted. Bytes count in the tier they are in: a table's own store (hot for a folder, warm
/// for S3), and files tiering placed elsewhere in their tier, one row per tier.
/// </summary>
public sealed class StorageSurvey
{
    private readonly RegisteredTables _tables;
    private readonly DuckDbDatabase _duckDb;
    private readonly Storage.ObjectStoreFactory? _stores;

    internal StorageSurvey(RegisteredTables tables, DuckDbDatabase duckDb, Storage.ObjectStoreFactory? stores = null)
    {
        _tables = tables;
        _duckDb = duckDb;
        _stores = stores;
    }

    public async Task<StorageSurveyResult> MeasureAsync(DateOnly day, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var registered = await _tables.ListAsync(ct);
        var measured = new List<StorageDay>();
        var problems = new List<string>();
        for (var i = 0; i < registered.Count; i++)
        {
            var table = registered[i];
            var name = table.Name.ToString();
            try
            {
                measured.AddRange(await MeasureAsync(day, name, table.Location, ct));
            }
            catch (Exception e) when (e is NeuroLakeException or IOException or NotSupportedException or UnauthorizedAccessException)
            {
                // One unreadable table must not cost the others their measurement.
                problems.Add($"{name}: {e.Message}");
            }

            progress?.Report((i + 1) / (double)registered.Count);
        }

        return new StorageSurveyResult(measured, problems);
    }

    /// <summary>
    /// Measures one table (dotted <paramref name="name"/>, at <paramref name="location"/>): one row per tier its files are
    /// in. Throws what opening or listing it throws (<see cref="NeuroLakeException"/>, <see cref="IOException"/>,
    /// <see cref="NotSupportedException"/> for S3 without a store).
    /// </summary>
    public async Task<IReadOnlyList<StorageDay>> MeasureAsync(DateOnly day, string name, string location, CancellationToken ct = default)
    {
        var table = await TableFolder.OpenAsync(location, _duckDb, _stores, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        var root = table.Store.GetLocalPath("");
        var current = snapshot.Files.Select(f => FilePaths.ToKey(f.Path, root)).ToHashSet(StringComparer.Ordinal);
        var objects = await table.Store.ListAsync("", null, ct);
        var placements = (table.Store as TieredObjectStore)?.Placements;
        // A table's own store: this disk for a folder, object storage's standard class (warm) for S3; placed files count in their tier.
        var home = (table.Store as TieredObjectStore)?.Inner.GetLocalPath("") ?? root;
        var homeTier = home is null ? StorageTier.Warm : StorageTier.Hot;
        var tiers = new Dictionary<StorageTier, long[]> { [homeTier] = new long[4] };
        foreach (var o in objects.Where(o => !VacuumCommand.IsHidden(o.Key)))
        {
            var tier = placements?.Find(o.Key)?.Tier ?? homeTier;
            var sums = tiers.TryGetValue(tier, out var found) ? found : tiers[tier] = new long[4];
            var offset = current.Contains(o.Key) ? 0 : 2;
            sums[offset] += o.Size;
            sums[offset + 1]++;
        }

        return [.. tiers.Select(t => new StorageDay(day, name, t.Key, t.Value[0], t.Value[1], t.Value[2], t.Value[3]))];
    }

    /// <summary>The latest snapshot of the table at <paramref name="location"/> grouped by partition values (<see cref="PartitionFootprint"/>).</summary>
    public async Task<TablePartitions> PartitionsAsync(string location, CancellationToken ct = default)
    {
        var table = await TableFolder.OpenAsync(location, _duckDb, _stores, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        return TablePartitions.Of(snapshot.Version, snapshot.PartitionColumns, snapshot.Files);
    }
}
