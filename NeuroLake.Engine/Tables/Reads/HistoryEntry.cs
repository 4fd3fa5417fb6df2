namespace NeuroLake.Engine.Tables.Reads;

/// <summary>One commit of a table's history.</summary>
public sealed record HistoryEntry(
    long Version,
    DateTimeOffset Timestamp,
    string? Operation,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Metrics,
    string? UserName,
    string? EngineInfo);
