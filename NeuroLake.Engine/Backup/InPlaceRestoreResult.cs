namespace NeuroLake.Engine.Backup;

/// <summary>An in-place restore: the safety set taken first (restore it to undo) and each table restored.</summary>
public sealed record InPlaceRestoreResult(string SafetySetId, IReadOnlyList<InPlaceRestoredTable> Tables);

/// <summary>
/// A table restored in place: the set's version of it, the live version before (still reachable by time travel) and
/// the new version that holds the set's rows.
/// </summary>
public sealed record InPlaceRestoredTable(string Name, long SetVersion, long PreviousVersion, long Version);
