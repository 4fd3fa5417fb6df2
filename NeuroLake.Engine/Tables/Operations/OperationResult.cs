namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// The outcome of a table operation: the table's version afterwards, whether the operation committed (an operation
/// with nothing to change commits nothing), and the metrics written to commitInfo.
/// </summary>
public sealed record OperationResult(long Version, bool Committed, IReadOnlyDictionary<string, string> Metrics)
{
    /// <summary>A metric as a number (0 when absent).</summary>
    public long Metric(string name) => Metrics.TryGetValue(name, out var text) && long.TryParse(text, out var n) ? n : 0;
}
