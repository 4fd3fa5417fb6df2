namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>protocol</c> action: versions (and, for reader 3 / writer 7, feature lists) a client must support.</summary>
public sealed record ProtocolAction(
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyList<string>? ReaderFeatures = null,
    IReadOnlyList<string>? WriterFeatures = null) : DeltaAction
{
    public bool SupportsWriterFeature(string feature) => WriterFeatures?.Contains(feature, StringComparer.Ordinal) == true;
}
