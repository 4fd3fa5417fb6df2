namespace NeuroLake.Engine.Backup;

/// <summary>
/// What retention kept and removed (or, in a dry run, would remove): the sets, and the repository objects no kept set
/// references with their stored bytes. <see cref="ObjectsKeptBecause"/> says why no object was pruned when one could not be.
/// </summary>
public sealed record BackupRetentionPlan(
    bool DryRun,
    IReadOnlyList<BackupRetentionSet> Kept,
    IReadOnlyList<BackupRetentionSet> Removed,
    int ObjectsRemoved,
    long BytesRemoved,
    string? ObjectsKeptBecause);

/// <summary>One set in a retention plan: when it was taken, its bytes, and why it is kept or removed.</summary>
public sealed record BackupRetentionSet(string SetId, DateTimeOffset? CreatedAt, long TotalBytes, string Reason);
