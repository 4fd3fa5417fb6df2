namespace NeuroLake.Engine.Catalog.Usage;

/// <summary>Reads and writes of a table on one UTC day, and by how many distinct users.</summary>
public sealed record UsageDay(DateOnly Day, long Reads, long Writes, int Users);

/// <summary>One user's reads and writes of a table over a window.</summary>
public sealed record UserUsage(string User, long Reads, long Writes);

/// <summary>A table's usage over a window: per day, totals, last access and the most active users.</summary>
public sealed record UsageReport(
    IReadOnlyList<UsageDay> Days,
    long Reads,
    long Writes,
    DateTimeOffset? LastAccess,
    IReadOnlyList<UserUsage> TopUsers);
