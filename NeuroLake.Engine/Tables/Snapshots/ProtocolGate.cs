using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Snapshots;

/// <summary>
/// Decides whether NeuroLake may read or write a table, from its protocol action and configuration.
/// Anything not implemented is refused with an error naming the version or feature: no silent wrong answers.
/// </summary>
internal static class ProtocolGate
{
    /// <summary>Reader features NeuroLake honours (timestampNtz is read natively; vacuumProtocolCheck only affects VACUUM).</summary>
    private static readonly HashSet<string> SupportedReaderFeatures = new(StringComparer.Ordinal) { "timestampNtz", "vacuumProtocolCheck", "typeWidening" };

    /// <summary>Writer features NeuroLake honours when it writes (on writer version 7).</summary>
    private static readonly HashSet<string> SupportedWriterFeatures = new(StringComparer.Ordinal)
    {
        "appendOnly", "inCommitTimestamp", "timestampNtz", "vacuumProtocolCheck", "domainMetadata", "typeWidening",
    };

    public static void CheckRead(ProtocolAction protocol, MetadataAction? metadata, string location)
    {
        if (protocol.MinReaderVersion > 3 || protocol.MinReaderVersion < 1)
        {
            throw new UnsupportedTableFeatureException(
                $"'{location}' needs Delta reader version {protocol.MinReaderVersion}; NeuroLake reads versions 1 to 3. Upgrade NeuroLake or read the table with an engine that supports it.",
                [$"readerVersion{protocol.MinReaderVersion}"]);
        }

        var unsupported = new List<string>();
        if (protocol.MinReaderVersion == 3)
        {
            foreach (var feature in protocol.ReaderFeatures ?? [])
            {
                if (!SupportedReaderFeatures.Contains(feature) && !(feature == "columnMapping" && !ColumnMappingActive(metadata)))
                {
                    unsupported.Add(feature);
                }
            }
        }
        else if (protocol.MinReaderVersion == 2 && ColumnMappingActive(metadata))
        {
            unsupported.Add("columnMapping");
        }

        if (unsupported.Count > 0)
        {
            throw new UnsupportedTableFeatureException(
                $"'{location}' uses the table feature{(unsupported.Count > 1 ? "s" : "")} {string.Join(", ", unsupported)}, which NeuroLake cannot read yet. "
                + "Read it with an engine that supports the feature, or rewrite it without the feature.",
                unsupported);
        }
    }

    public static void CheckWrite(ProtocolAction protocol, MetadataAction metadata, string location)
    {
        CheckRead(protocol, metadata, location);
        List<string> unsupported = protocol.MinWriterVersion switch
        {
            1 or 2 => [],
            7 => (protocol.WriterFeatures ?? []).Where(f => !SupportedWriterFeatures.Contains(f)).ToList(),
            3 => ["checkConstraints"],
            4 => ["changeDataFeed", "generatedColumns"],
            5 => ["columnMapping"],
            6 => ["identityColumns"],
            _ => [$"writerVersion{protocol.MinWriterVersion}"],
        };
        if (protocol.MinWriterVersion == 2 && SchemaHasInvariants(metadata))
        {
            unsupported.Add("invariants");
        }

        if (unsupported.Count > 0)
        {
            throw new UnsupportedTableFeatureException(
                $"NeuroLake cannot write to '{location}': it needs writer version {protocol.MinWriterVersion} with {string.Join(", ", unsupported)}, which NeuroLake does not enforce yet. The table can still be read.",
                unsupported);
        }
    }

    private static bool ColumnMappingActive(MetadataAction? metadata) =>
        metadata is not null
        && metadata.Configuration.TryGetValue(TableProperties.ColumnMappingMode, out var mode)
        && !string.Equals(mode, "none", StringComparison.OrdinalIgnoreCase);

    private static bool SchemaHasInvariants(MetadataAction metadata) =>
        metadata.SchemaString.Contains("delta.invariants", StringComparison.Ordinal);
}
