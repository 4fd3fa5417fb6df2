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

    internal static bool IsTrue(IReadOnlyDictionary<string, string> configuration, string key) =>
        configuration.TryGetValue(key, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    internal static bool InCommitTimestampsEnabled(ProtocolAction protocol, MetadataAction metadata) =>
        protocol.SupportsWriterFeature("inCommitTimestamp") && IsTrue(metadata.Configuration, EnableInCommitTimestamps);

    /// <summary>The first version whose commits carry in-commit timestamps (0 when enabled at creation).</summary>
    internal static long IctEnablementVersion(MetadataAction metadata) =>
        metadata.Configuration.TryGetValue(InCommitTimestampEnablementVersion, out var v) && long.TryParse(v, out var version) ? version : 0;
}
