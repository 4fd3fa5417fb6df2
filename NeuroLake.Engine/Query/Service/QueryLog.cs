using Microsoft.Extensions.Logging;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Log messages of the query service (event ids 6100–6199).</summary>
internal static partial class QueryLog
{
    [LoggerMessage(6100, LogLevel.Warning, "The query history did not record a statement by {User}; the statement's result stands")]
    public static partial void HistoryNotRecorded(ILogger logger, Exception exception, string user);

    [LoggerMessage(6101, LogLevel.Warning, "The query advisor failed on a statement by {User}; the result is returned without advice")]
    public static partial void AdvisorFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(6102, LogLevel.Warning, "Result columns of a statement by {User} could not be traced to catalog columns; no PII flags are set")]
    public static partial void PiiTracingFailed(ILogger logger, Exception exception, string user);

    [LoggerMessage(6103, LogLevel.Warning, "The catalog's usage counts did not record a statement by {User}; the statement's result stands")]
    public static partial void UsageNotRecorded(ILogger logger, Exception exception, string user);

    [LoggerMessage(6104, LogLevel.Warning, "The audit log did not record a statement by {User}; the statement's result stands")]
    public static partial void AuditNotRecorded(ILogger logger, Exception exception, string user);

    [LoggerMessage(6105, LogLevel.Warning, "Heavy statements run at normal CPU priority, not yielding the cores to interactive queries: {Reason}")]
    public static partial void HeavyWorkNotNiced(ILogger logger, string reason);
}
