using Microsoft.Extensions.Logging;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>Log messages of lineage recording after writes (event ids 5300–5399).</summary>
internal static partial class LineageLog
{
    [LoggerMessage(5300, LogLevel.Debug, "Recorded lineage of statement {StatementId} into {Target}: {TableEdges} table edge(s)")]
    public static partial void Recorded(this ILogger logger, string statementId, string target, int tableEdges);

    [LoggerMessage(5301, LogLevel.Warning, "Column lineage of statement {StatementId} into {Target} is partial; not followed: {Unresolved}")]
    public static partial void Partial(this ILogger logger, string statementId, string target, string unresolved);

    [LoggerMessage(5302, LogLevel.Warning, "Lineage of statement {StatementId} into {Target} was not recorded; the write stands")]
    public static partial void LineageFailed(this ILogger logger, Exception exception, string statementId, string target);

    [LoggerMessage(5303, LogLevel.Warning, "Column lineage of statement {StatementId} into {Target} was not recorded; the write and its table lineage stand")]
    public static partial void ColumnLineageFailed(this ILogger logger, Exception exception, string statementId, string target);
}
