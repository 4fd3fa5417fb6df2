using Microsoft.Extensions.Logging;

namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>Log messages of automatic registration, discovery and drift checks (event ids 5100–5199).</summary>
internal static partial class IntegrationLog
{
    [LoggerMessage(5100, LogLevel.Debug, "Catalog registered {Table} at version {Version} ({Outcome}) after {Operation} on '{Location}'")]
    public static partial void Registered(this ILogger logger, SecurablePath table, long version, string outcome, string operation, string location);

    [LoggerMessage(5101, LogLevel.Information, "Table '{Location}' was not registered in the catalog: {Reason}")]
    public static partial void NotRegistered(this ILogger logger, string location, string reason);

    [LoggerMessage(5102, LogLevel.Warning, "The catalog rejected table '{Location}' at version {Version}; the commit stands and a drift check will retry")]
    public static partial void RegistrationFailed(this ILogger logger, Exception exception, string location, long version);

    [LoggerMessage(5110, LogLevel.Information, "Discovery skipped '{Location}' ({Reason}): {Detail}")]
    public static partial void DiscoverySkipped(this ILogger logger, string location, DiscoverySkipReason reason, string detail);

    [LoggerMessage(5120, LogLevel.Warning, "Catalog drift on {Table} at '{Location}': catalog version {Recorded}, log version {Actual}, {SchemaChanges} schema change(s)")]
    public static partial void DriftFound(this ILogger logger, SecurablePath table, string location, long recorded, long actual, int schemaChanges);
}
