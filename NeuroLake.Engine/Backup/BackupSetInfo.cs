namespace NeuroLake.Engine.Backup;

/// <summary>
/// One backup set as a host lists it: when it was taken, its tables, files and bytes, and its latest verify result
/// (null when never verified). <see cref="Damage"/> says why a set whose manifest cannot be read is unusable.
/// <see cref="NewBytes"/> is what the set added to the repository (null for sets older than that record);
/// <see cref="Label"/> marks a set not taken on request, such as the safety backup before an in-place restore.
/// </summary>
public sealed record BackupSetInfo(
    string SetId, DateTimeOffset? CreatedAt, IReadOnlyList<BackupSetTable> Tables, int Files, long TotalBytes, BackupVerifyResult? LastVerify, string? Damage,
    long? NewBytes = null, string? Label = null)
{
    /// <summary>Unusable when its manifest is damaged or its latest verify found problems; usable when verified clean; else unverified.</summary>
    public BackupSetState State => Damage is not null || LastVerify is { Usable: false }
        ? BackupSetState.Unusable
        : LastVerify is null ? BackupSetState.Unverified : BackupSetState.Usable;
}

/// <summary>A table of a set: its catalog name, the Delta version the set holds, and the bytes of its files.</summary>
public sealed record BackupSetTable(string Name, long Version, long Bytes);

public enum BackupSetState
{
    Unverified,
    Usable,
    Unusable,
}
