using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>
/// Another writer committed a change that conflicts with this transaction (Delta's conflict rules);
/// the message names the winning version and what conflicted. Retrying the whole operation usually succeeds.
/// </summary>
public sealed class ConcurrentModificationException(string message, long winningVersion) : NeuroLakeException(message)
{
    public long WinningVersion { get; } = winningVersion;
}
