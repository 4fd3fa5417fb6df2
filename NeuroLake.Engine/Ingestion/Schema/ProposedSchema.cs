using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>The table NeuroLake proposes for a source file, with a preview of its first rows.</summary>
/// <param name="Source">The detected file.</param>
/// <param name="Columns">Proposed columns in file order.</param>
/// <param name="PreviewColumns">Names of the preview's columns (the proposed names).</param>
/// <param name="Preview">The first rows, parsed as proposed.</param>
/// <param name="SampledRows">How many rows the proposal looked at.</param>
/// <param name="SampleCoversSource">True when the sample is the whole file, so nullability and types are certain.</param>
public sealed record ProposedSchema(
    DetectedSource Source,
    IReadOnlyList<ProposedColumn> Columns,
    IReadOnlyList<string> PreviewColumns,
    IReadOnlyList<IReadOnlyList<object?>> Preview,
    long SampledRows,
    bool SampleCoversSource)
{
    public ProposedColumn this[string name] => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No proposed column is named '{name}'.");
}
