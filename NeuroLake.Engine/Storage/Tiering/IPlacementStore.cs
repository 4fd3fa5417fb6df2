namespace NeuroLake.Engine.Storage.Tiering;

/// <summary>
/// Where placements are kept (the catalog, table <c>file_placements</c>): one row per table and key. The table layer
/// never writes here; only the tiering executor does, and VACUUM's deletes through <see cref="TieredObjectStore"/>.
/// </summary>
public interface IPlacementStore
{
    /// <summary>Every placed file of the table at <paramref name="location"/> (none for a table the catalog does not know).</summary>
    Task<IReadOnlyList<FilePlacement>> ListAsync(string location, CancellationToken ct);

    /// <summary>Records or replaces the placement of <see cref="FilePlacement.Key"/>; the table must be registered.</summary>
    Task SaveAsync(string location, FilePlacement placement, CancellationToken ct);

    /// <summary>Forgets the placement of <paramref name="key"/> (nothing when there is none).</summary>
    Task RemoveAsync(string location, string key, CancellationToken ct);
}
