using NeuroLake.Engine.Metering;

namespace NeuroLake.Engine.Tiering;

/// <summary>One data file of a table as the planner sees it.</summary>
/// <param name="Key">Its key relative to the table root.</param>
/// <param name="InLatest">Read by the latest version; false: only older versions (time travel) need it.</param>
/// <param name="RemovedAt">When the latest version stopped reading it (its tombstone), when known.</param>
/// <param name="Tier">Where it is now.</param>
/// <param name="Partition">The latest version's partition of the file (<c>region=eu/day=2026-01-01</c>); null when the table is not partitioned or the file is not in the latest version.</param>
public sealed record TieringFile(
    string Key, long Size, bool InLatest, DateTimeOffset LastModified, DateTimeOffset? RemovedAt, StorageTier Tier, string? Partition = null);

/// <summary>One table as the planner sees it: its files, its override, and how it was used.</summary>
/// <param name="Name">Dotted name, <c>catalog.schema.table</c>.</param>
/// <param name="LastTouched">The latest read or write known (metered statements, the newest data file); null: never.</param>
/// <param name="RecentReads">Statements that read it within the planner's warm window.</param>
/// <param name="Home">The tier of the table's own store: hot for a local folder, warm for an S3 table. Files come back here.</param>
public sealed record TieringTable(
    string Name, string Location, IReadOnlyList<TieringFile> Files, TierOverride Override, DateTimeOffset? LastTouched, int RecentReads,
    StorageTier Home = StorageTier.Hot);

/// <summary>One planned move of one file.</summary>
/// <param name="MonthlySaving">Storage cost per month saved at the price book in force (negative for a move back hot); null without a price book.</param>
public sealed record TieringMove(
    string Table, string Location, string Key, long Bytes, StorageTier From, StorageTier To, string Reason, decimal? MonthlySaving);

/// <summary>What a tiering run would do.</summary>
/// <param name="Tiers">The tiers configured (hot always).</param>
/// <param name="Notes">Why the plan is empty or limited (no tiers configured, no price book).</param>
public sealed record TieringPlan(
    DateTimeOffset PlannedAt, IReadOnlyList<StorageTier> Tiers, IReadOnlyList<TieringMove> Moves, decimal? MonthlySaving, string? Currency, IReadOnlyList<string> Notes)
{
    public long Bytes => Moves.Sum(m => m.Bytes);
}
