using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables;

/// <summary>Table properties (metaData.configuration keys) Tables understands.</summary>
public static class TableProperties
{
    public const string EnableInCommitTimestamps = "delta.enableInCommitTimestamps";
    public const string InCommitTimestampEnablementVersion = "delta.inCommitTimestampEnablementVersion";
    public const string InCommitTimestampEnablementTimestamp = "delta.inCommitTimestampEnablementTimestamp";
    public const string AppendOnly = "delta.appendOnly";
    public const string CheckpointInterval = "delta.checkpointInterval";
    public const string ColumnMappingMode = "delta.columnMapping.mode";

    public const string DeletedFileRetentionDuration = "delta.deletedFileRetentionDuration";

    /// <summary>How long removed files stay as tombstones: Delta's "interval N unit" text, one week by default.</summary>
    public static TimeSpan DeletedFileRetention(IReadOnlyDictionary<string, string> configuration)
    {
        if (!configuration.TryGetValue(DeletedFileRetentionDuration, out var text))
        {
            return TimeSpan.FromDays(7);
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var offset = parts.Length > 0 && parts[0].Equals("interval", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (parts.Length < offset + 2 || !double.TryParse(parts[offset], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return TimeSpan.FromDays(7);
        }

        return parts[offset + 1].ToLowerInvariant().TrimEnd('s') switch
        {
            "week" => TimeSpan.FromDays(7 * n),
            "day" => TimeSpan.FromDays(n),
            "hour" => TimeSpan.FromHours(n),
            "minute" => TimeSpan.FromMinutes(n),
            "second" => TimeSpan.FromSeconds(n),
            _ => TimeSpan.FromDays(7),
        };
    }

    internal static bool IsTrue(IReadOnlyDictionary<string, string> configuration, string key) =>
        configuration.TryGetValue(key, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    internal static bool InCommitTimestampsEnabled(ProtocolAction protocol, MetadataAction metadata) =>
        protocol.SupportsWriterFeature("inCommitTimestamp") && IsTrue(metadata.Configuration, EnableInCommitTimestamps);

    /// <summary>The first version whose commits carry in-commit timestamps (0 when enabled at creation).</summary>
    internal static long IctEnablementVersion(MetadataAction metadata) =>
        metadata.Configuration.TryGetValue(InCommitTimestampEnablementVersion, out var v) && long.TryParse(v, out var version) ? version : 0;
}
