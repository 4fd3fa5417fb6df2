namespace NeuroLake.Engine.Tables.Log;

/// <summary>
/// The log files that make up one version: the newest complete checkpoint at or before it (if any) and the
/// contiguous JSON commits after the checkpoint up to the version.
/// </summary>
internal sealed record LogSegment(
    long Version,
    IReadOnlyList<LogFileName> Checkpoint,
    IReadOnlyList<LogFileName> Commits,
    LogFileName? LastCommit)
{
    public long? CheckpointVersion => Checkpoint.Count > 0 ? Checkpoint[0].Version : null;
}
