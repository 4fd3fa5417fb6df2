namespace NeuroLake.Engine.Storage;

/// <summary>
/// Decides which writer owns a key that must be created only once (a Delta commit file), for stores that cannot decide
/// it themselves. The catalog database implements it: Storage defines it so that Tables and Storage never see the catalog.
/// Delta calls a commit the owner accepted "ratified" and one whose log file exists "published".
/// </summary>
public interface ICommitCoordinator
{
    /// <summary>
    /// Records <paramref name="content"/> as the one content <paramref name="key"/> of the store at <paramref name="location"/>
    /// may ever have. True for exactly one caller per (location, key); false, changing nothing, for every later one. A
    /// caller presenting exactly the ratified bytes again is taken for the ratifier whose answer was lost (true): Delta
    /// commits carry a unique txnId, so two writers never present equal bytes.
    /// </summary>
    Task<bool> TryRatifyAsync(string location, string key, ReadOnlyMemory<byte> content, CancellationToken ct = default);

    /// <summary>The ratified content of (location, key), or null when nobody ratified it.</summary>
    Task<byte[]?> GetRatifiedAsync(string location, string key, CancellationToken ct = default);

    /// <summary>
    /// Forgets every key ratified under <paramref name="location"/> (the location itself and below it). Call it when a
    /// table's files are deleted, so a new table at the same place does not inherit the old one's commits.
    /// </summary>
    Task<int> ForgetAsync(string location, CancellationToken ct = default);
}
