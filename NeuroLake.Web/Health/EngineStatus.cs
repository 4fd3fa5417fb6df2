using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Health;

/// <summary>What one check of the engine found.</summary>
/// <param name="IsAlive">DuckDB answered a query.</param>
/// <param name="DuckDbVersion">Version of the loaded libduckdb, e.g. <c>v1.5.6</c>.</param>
/// <param name="DataDirectory">The absolute data folder.</param>
/// <param name="CatalogProvider">The configured catalog database.</param>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="Error">DuckDB's message when it did not answer.</param>
public sealed record EngineStatus(
    bool IsAlive,
    string DuckDbVersion,
    string DataDirectory,
    CatalogProvider CatalogProvider,
    DateTimeOffset CheckedAt,
    string? Error);
