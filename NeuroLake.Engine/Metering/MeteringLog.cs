using Microsoft.Extensions.Logging;

namespace NeuroLake.Engine.Metering;

/// <summary>Log messages of usage metering (event ids 6400–6499).</summary>
internal static partial class MeteringLog
{
    [LoggerMessage(6400, LogLevel.Warning, "Metering did not record a statement by {User}; the statement's result stands")]
    public static partial void StatementNotMetered(ILogger logger, Exception exception, string user);

    [LoggerMessage(6401, LogLevel.Warning, "Metering did not record job run {RunId}; the run's outcome stands")]
    public static partial void JobRunNotMetered(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(6402, LogLevel.Warning, "Metering did not record a file load by {User}; the load's outcome stands")]
    public static partial void IngestionNotMetered(ILogger logger, Exception exception, string user);
}
