using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Metering;

/// <summary>What the survey measured, and the tables it could not measure with why.</summary>
public sealed record StorageSurveyResult(IReadOnlyList<StorageDay> Tables, IReadOnlyList<string> Problems);

/// <summary>
/// Measures every registered table's storage: the data files its latest version reads, and the data files still in
/// its folder that only older versions need (what VACUUM could remove once they leave the retention window). The
/// Delta log itself is not counted. A table in a local folder is on the hot tier, one on S3 on the warm tier.
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
                measured.Add(await MeasureAsync(day, name, table.Location, ct));
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
    /// Measures one table (dotted <paramref name="name"/>, at <paramref name="location"/>); throws what opening or listing
    /// it throws (<see cref="NeuroLakeException"/>, <see cref="IOException"/>, <see cref="NotSupportedException"/> for S3 without a store).
    /// </summary>
    public async Task<StorageDay> MeasureAsync(DateOnly day, string name, string location, CancellationToken ct = default)
    {
        var table = await TableFolder.OpenAsync(location, _duckDb, _stores, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        var root = table.Store.GetLocalPath("");
        var current = snapshot.Files.Select(f => FilePaths.ToKey(f.Path, root)).ToHashSet(StringComparer.Ordinal);
        var objects = await table.Store.ListAsync("", null, ct);
        long currentBytes = 0, currentFiles = 0, olderBytes = 0, olderFiles = 0;
        foreach (var o in objects.Where(o => !VacuumCommand.IsHidden(o.Key)))
        {
            if (current.Contains(o.Key))
            {
                currentBytes += o.Size;
                currentFiles++;
            }
            else
            {
                olderBytes += o.Size;
                olderFiles++;
            }
        }

        // Tables on S3 sit in the store's standard class: the warm tier (tiering across classes comes later).
        var tier = table.Store.GetLocalPath("") is null ? StorageTier.Warm : StorageTier.Hot;
        return new StorageDay(day, name, tier, currentBytes, currentFiles, olderBytes, olderFiles);
    }

    /// <summary>The latest snapshot of the table at <paramref name="location"/> grouped by partition values (<see cref="PartitionFootprint"/>).</summary>
    public async Task<TablePartitions> PartitionsAsync(string location, CancellationToken ct = default)
    {
        var table = await TableFolder.OpenAsync(location, _duckDb, _stores, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        return TablePartitions.Of(snapshot.Version, snapshot.PartitionColumns, snapshot.Files);
    }
}
