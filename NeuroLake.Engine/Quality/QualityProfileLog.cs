using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Quality;

/// <summary>Log messages of quality profiles after commits (event ids 5400–5499).</summary>
internal static partial class QualityProfileLog
{
    [LoggerMessage(5400, LogLevel.Debug, "Profiled {Table} at version {Version}: score {Score}/100")]
    public static partial void Profiled(this ILogger logger, SecurablePath table, long version, int score);

    [LoggerMessage(5401, LogLevel.Warning, "Profiling table '{Location}' at version {Version} failed; the commit stands and the next change profiles it again")]
    public static partial void ProfileFailed(this ILogger logger, Exception exception, string location, long version);

    [LoggerMessage(5402, LogLevel.Information, "Table '{Location}' is not in the catalog; its version {Version} was not profiled")]
    public static partial void NotRegistered(this ILogger logger, string location, long version);

    [LoggerMessage(5403, LogLevel.Warning, "The quality profile queue is full ({Capacity} tables waiting); version {Version} of '{Location}' was not profiled")]
    public static partial void QueueFull(this ILogger logger, int capacity, string location, long version);
}
