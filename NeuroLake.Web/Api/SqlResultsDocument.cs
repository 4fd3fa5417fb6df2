using System.Text.Json;
using NeuroLake.Engine.Query.Advisor;

namespace NeuroLake.Web.Api;

/// <summary>
/// The shape <see cref="SqlResultsJson"/> streams, declared for the OpenAPI document (the writer itself never builds
/// these objects, so a result of any size streams); <c>ApiContractTests</c> checks real answers against it.
/// </summary>
public sealed record SqlResultsDocument(IReadOnlyList<SqlStatementDocument> Statements);

/// <summary>One statement's result: its columns, rows as arrays of JSON values in column order, and how many rows it changed (null for queries).</summary>
public sealed record SqlStatementDocument(
    string Kind, int Line, IReadOnlyList<SqlColumnDocument> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows, int RowCount, bool Truncated,
    long? RowsAffected, IReadOnlyList<AdvisorFinding> Advice);

/// <summary>A result column: name, DuckDB type, and the PII type traced to it (absent when none).</summary>
public sealed record SqlColumnDocument(string Name, string Type, string? PiiType);

/// <summary>The shape <c>Tables/StatementJson</c> writes for a table's rows: one statement's result without its kind, line and advice.</summary>
public sealed record TableRowsDocument(
    IReadOnlyList<SqlColumnDocument> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows, int RowCount, bool Truncated, long? RowsAffected);
