using System.Collections.Concurrent;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// The process's placements per table location, loaded from the <see cref="IPlacementStore"/> the first time a table is
/// opened and kept up to date by every change made here (one process per catalog is the supported deployment). A change
/// is written to the store first, then to memory, so memory never claims a placement the catalog lacks.
/// </summary>
public sealed class TablePlacements(IPlacementStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PlacementSet>>> _sets = new(StringComparer.Ordinal);

    /// <summary>The placements of the table at <paramref name="location"/>.</summary>
    public async Task<PlacementSet> OfAsync(string location, CancellationToken ct)
    {
        var name = Name(location);
        var lazy = _sets.GetOrAdd(name, n => new Lazy<Task<PlacementSet>>(async () => new PlacementSet(await store.ListAsync(n, CancellationToken.None).ConfigureAwait(false))));
        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed load (catalog unreachable) is not cached: the next open asks again.
            _sets.TryRemove(new KeyValuePair<string, Lazy<Task<PlacementSet>>>(name, lazy));
            throw;
        }
    }

    public async Task SaveAsync(string location, FilePlacement placement, CancellationToken ct)
    {
        var set = await OfAsync(location, ct).ConfigureAwait(false);
        await store.SaveAsync(Name(location), placement, ct).ConfigureAwait(false);
        set.Set(placement);
    }

    public async Task RemoveAsync(string location, string key, CancellationToken ct)
    {
        var set = await OfAsync(location, ct).ConfigureAwait(false);
        await store.RemoveAsync(Name(location), key, ct).ConfigureAwait(false);
        set.Remove(key);
    }

    /// <summary>Forgets what is known of <paramref name="location"/> (a dropped table), so a new table there starts empty.</summary>
    public void Forget(string location) => _sets.TryRemove(Name(location), out _);

    // One spelling per table (the catalog's): trailing separators or a relative path do not make another table.
    private static string Name(string location) => Catalog.Integration.TableLocation.Normalize(location);
}
