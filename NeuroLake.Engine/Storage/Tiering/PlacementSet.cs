using System.Collections.Immutable;

namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// The placed files of one table as this process knows them: shared by every store opened on the table, so a store a
/// snapshot cache has held for hours still sees a file the tiering job moved a moment ago. Swapped whole, read without locks.
/// </summary>
public sealed class PlacementSet
{
    private ImmutableDictionary<string, FilePlacement> _byKey;

    internal PlacementSet(IEnumerable<FilePlacement> placements) =>
        _byKey = placements.ToImmutableDictionary(p => p.Key, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FilePlacement> All => _byKey;

    public FilePlacement? Find(string key) => _byKey.GetValueOrDefault(key);

    internal void Set(FilePlacement placement) => ImmutableInterlocked.Update(ref _byKey, d => d.SetItem(placement.Key, placement));

    internal void Remove(string key) => ImmutableInterlocked.Update(ref _byKey, d => d.Remove(key));
}
