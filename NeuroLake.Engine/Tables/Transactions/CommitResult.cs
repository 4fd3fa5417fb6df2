using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Transactions;

/// <summary>The outcome of a successful commit: the version written, its timestamp, metrics and the new snapshot.</summary>
public sealed record CommitResult(
    long Version,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> OperationMetrics,
    int Attempts,
    Snapshot Snapshot);
