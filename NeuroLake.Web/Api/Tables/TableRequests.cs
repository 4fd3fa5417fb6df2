using System.Text.Json;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// A new table: <c>{"name": "main.sales.orders", "columns": [{"name": "id", "type": "BIGINT", "nullable": false}],
/// "comment": "...", "partitionedBy": ["day"]}</c>, as CREATE TABLE with a column list.
/// </summary>
public sealed record CreateTableRequest(string? Name, IReadOnlyList<ColumnDefinition>? Columns, string? Comment, IReadOnlyList<string>? PartitionedBy);

/// <summary>A column of a new table: a name, a DuckDB type (<c>BIGINT</c>, <c>VARCHAR</c>, <c>DECIMAL(10,2)</c>, <c>TIMESTAMP WITH TIME ZONE</c>, <c>INT[]</c>), nullable unless false.</summary>
public sealed record ColumnDefinition(string? Name, string? Type, bool? Nullable);

/// <summary>
/// Rows to append: an array of objects keyed by column name (a column a row leaves out gets NULL), or instead the id of
/// one of the caller's staged uploads (<c>POST /api/v1/uploads</c>), whose columns must match the table's.
/// </summary>
public sealed record InsertRowsRequest(IReadOnlyList<JsonElement>? Rows, string? UploadId = null);

/// <summary>Sets columns (<c>{"set": {"status": "shipped"}}</c>) on the rows matching every condition of <c>where</c>.</summary>
public sealed record UpdateRowsRequest(Dictionary<string, JsonElement>? Set, IReadOnlyList<RowCondition>? Where);

/// <summary>Deletes the rows matching every condition of <c>where</c>.</summary>
public sealed record DeleteRowsRequest(IReadOnlyList<RowCondition>? Where);

/// <summary>OPTIMIZE, optionally Z-ordering by columns.</summary>
public sealed record OptimizeRequest(IReadOnlyList<string>? ZorderBy);

/// <summary>VACUUM with a retention in hours (default 168, Delta's 7 days); <c>dryRun</c> lists what would be deleted and deletes nothing.</summary>
public sealed record VacuumRequest(double? RetainHours, bool? DryRun);

/// <summary>RESTORE to a version, or to the version current at a time (one of the two).</summary>
public sealed record RestoreRequest(long? Version, DateTimeOffset? Timestamp);

/// <summary>What a row change did: rows inserted, changed or deleted, and the version it committed (null when nothing was committed).</summary>
public sealed record RowChangeJson(long RowsAffected, long? Version);
