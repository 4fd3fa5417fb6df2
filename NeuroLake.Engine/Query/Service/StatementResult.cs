using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>A result column: its name and DuckDB type (e.g. <c>BIGINT</c>, <c>DECIMAL(10,2)</c>).</summary>
/// <param name="PiiType">
/// The catalog's PII classification (e.g. <c>email</c>) of the table column this result column comes straight from;
/// null when it is not classified or is computed (see docs/architecture.md, "PII in results", for how columns are traced).
/// </param>
public sealed record ResultColumn(string Name, string Type, string? PiiType = null);

/// <summary>A table a statement read or wrote, at the version it saw or committed.</summary>
public sealed record TableVersion(string Schema, string Table, long Version);

/// <summary>What one statement of a script did.</summary>
/// <param name="Index">Zero-based position in the script.</param>
/// <param name="Line">One-based line where the statement starts.</param>
/// <param name="Rows">Up to the request's row limit, values as CLR objects (null for SQL NULL).</param>
/// <param name="HasMoreRows">True when the statement produced more rows than <paramref name="Rows"/> holds.</param>
/// <param name="RowsAffected">Rows written by INSERT, CTAS and INSERT OVERWRITE, deleted by DELETE, changed by UPDATE; null for other statements.</param>
/// <param name="TablesRead">Every catalog table the statement read, once per distinct version.</param>
/// <param name="TableWritten">The table a write committed to, with the new version.</param>
public sealed record StatementResult(
    int Index,
    int Line,
    StatementKind Kind,
    IReadOnlyList<ResultColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    bool HasMoreRows,
    long? RowsAffected,
    TimeSpan Elapsed,
    IReadOnlyList<TableVersion> TablesRead,
    TableVersion? TableWritten = null)
{
    /// <summary>The query advisor's warnings and suggestions about the statement; empty when it has none.</summary>
    public IReadOnlyList<AdvisorFinding> Advice { get; init; } = [];
}
