using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Engine.Catalog.History;

/// <summary>One statement a user ran, as the query history recorded it.</summary>
/// <param name="Sql">The statement's text as the user wrote it.</param>
/// <param name="Rows">Rows returned (up to the row limit, for queries) or written; null when it ended without a result.</param>
/// <param name="Error">Why it failed (DuckDB's message, or NeuroLake's with the fix); null unless <see cref="Status"/> is Error.</param>
/// <param name="TablesRead">Catalog tables read, at the versions read.</param>
/// <param name="TablesWritten">The table written, at the version committed.</param>
public sealed record QueryHistoryEntry(
    Guid Id,
    string User,
    string Sql,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    TimeSpan Duration,
    long? Rows,
    QueryStatus Status,
    string? Error,
    IReadOnlyList<TableVersion> TablesRead,
    IReadOnlyList<TableVersion> TablesWritten);
