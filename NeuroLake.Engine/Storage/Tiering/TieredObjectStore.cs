using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// A table's store with its placed files: keys the <see cref="PlacementSet"/> names are read, described and deleted in
/// their tier, and listed as if they were still in the table's folder (so VACUUM, the storage survey and backup see them
/// under the key the log names). Placed files have no local path, so DuckDB reads them through the <see cref="FileCache"/>.
/// Writes always go to the table's own store: Delta never rewrites a data file, and the log never moves.
/// </summary>
public sealed class TieredObjectStore(IObjectStore inner, PlacementSet placements, TablePlacements registry, TierStores tiers, FileCache? cache) : IObjectStore
{
    public IObjectStore Inner { get; } = inner;

    public PlacementSet Placements { get; } = placements;

    public string Location => Inner.Location;

    public FileCache? Cache => cache ?? Inner.Cache;

    public Task<byte[]> GetAsync(string key, CancellationToken ct = default) =>
        Placements.Find(key) is { } placed ? ReadArchivedAsync(placed, (s, k) => s.GetAsync(k, ct), ct) : Inner.GetAsync(key, ct);

    public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) =>
        Placements.Find(key) is { } placed ? ReadArchivedAsync(placed, (s, k) => s.GetRangeAsync(k, offset, length, ct), ct) : Inner.GetRangeAsync(key, offset, length, ct);

    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        if (Placements.Find(key) is not { } placed)
        {
            return await Inner.GetInfoAsync(key, ct).ConfigureAwait(false);
        }

        var (store, objectKey) = tiers.Resolve(placed.ObjectUri);
        return await store.GetInfoAsync(objectKey, ct).ConfigureAwait(false) is { } info ? Described(placed, info.ETag) : null;
    }

    public async Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default)
    {
        var own = await Inner.ListAsync(prefix, startAfter, ct).ConfigureAwait(false);
        var placed = Placements.All.Values
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(p.Key, startAfter) > 0))
            .ToList();
        if (placed.Count == 0)
        {
            return own;
        }

        // An original a crash left behind after its placement was recorded is listed once, as the placed file it now is.
        var merged = own.Where(o => Placements.Find(o.Key) is null).Concat(placed.Select(p => Described(p, p.ETag))).ToList();
        merged.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return merged;
    }

    /// <summary>A placed file is deleted in its tier, then its placement, then any original left behind (VACUUM, DROP).</summary>
    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        if (Placements.Find(key) is { } placed)
        {
            var (store, objectKey) = tiers.Resolve(placed.ObjectUri);
            await store.DeleteAsync(objectKey, ct).ConfigureAwait(false);
            await registry.RemoveAsync(Location, key, ct).ConfigureAwait(false);
        }

        await Inner.DeleteAsync(key, ct).ConfigureAwait(false);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => Inner.PutAsync(key, data, ct);

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => Inner.PutAsync(key, content, ct);

    public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => Inner.PutIfAbsentAsync(key, data, ct);

    /// <summary>Null for a placed file (read through the cache); the table folder's path otherwise.</summary>
    public string? GetLocalPath(string key) => key.Length > 0 && Placements.Find(key) is not null ? null : Inner.GetLocalPath(key);

    private static ObjectInfo Described(FilePlacement placed, string? etag) => new(placed.Key, placed.Size, placed.ModifiedAt, etag);

    /// <summary>
    /// Reads a placed file; one in an archive class that needs a restore starts the restore and says how long it takes,
    /// instead of failing with S3's InvalidObjectState.
    /// </summary>
    private async Task<byte[]> ReadArchivedAsync(FilePlacement placed, Func<IObjectStore, string, Task<byte[]>> read, CancellationToken ct)
    {
        var (store, objectKey) = tiers.Resolve(placed.ObjectUri);
        try
        {
            return await read(store, objectKey).ConfigureAwait(false);
        }
        catch (ObjectArchivedException e)
        {
            var settings = tiers.Settings(placed.Tier);
            var started = await store.RestoreAsync(objectKey, settings?.RestoredDays ?? 7, ct).ConfigureAwait(false);
            throw new FileRestoringException(placed.Key, placed.Tier, settings?.RestoreHours ?? 0, started, e);
        }
    }
}
