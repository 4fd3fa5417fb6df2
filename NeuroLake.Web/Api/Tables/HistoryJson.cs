using NeuroLake.Engine.Tables.Reads;

namespace NeuroLake.Web.Api.Tables;

/// <summary>One commit of a table: version, time, operation (WRITE, MERGE, OPTIMIZE ...), its parameters and metrics, and who made it.</summary>
public sealed record HistoryEntryJson(
    long Version, DateTimeOffset Timestamp, string? Operation, IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Metrics, string? User)
{
    public static HistoryEntryJson From(HistoryEntry e) => new(e.Version, e.Timestamp, e.Operation, e.Parameters, e.Metrics, e.UserName);
}

/// <summary>One page of a table's commits, newest first; <paramref name="HasMore"/> when older ones follow.</summary>
public sealed record HistoryPageJson(IReadOnlyList<HistoryEntryJson> Entries, long CurrentVersion, int Skip, int Take, bool HasMore);
