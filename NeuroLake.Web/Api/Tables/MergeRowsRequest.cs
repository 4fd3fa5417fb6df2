using System.Text.Json;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// Upserts rows matched to the table's rows on <paramref name="Keys"/>, as MERGE. The source is <paramref name="Rows"/>
/// (objects keyed by column name) or <paramref name="UploadId"/>, one of the caller's staged uploads.
/// </summary>
/// <param name="Keys">The columns that match a source row to a table row (at least one; every row gives them all).</param>
/// <param name="UpdateColumns">Columns set on matched rows; default every non-key column the rows give; an empty list updates nothing.</param>
/// <param name="InsertNotMatched">Insert source rows no table row matches (default true).</param>
/// <param name="DeleteWhen">A boolean field of the rows, not a table column: a row where it is true deletes its match instead of updating it, and is never inserted.</param>
public sealed record MergeRowsRequest(
    IReadOnlyList<JsonElement>? Rows, string? UploadId, IReadOnlyList<string>? Keys, IReadOnlyList<string>? UpdateColumns, bool? InsertNotMatched, string? DeleteWhen);

/// <summary>What a merge did: rows updated, deleted and inserted, and the version it committed (null when nothing changed).</summary>
public sealed record MergeResultJson(long RowsAffected, long RowsUpdated, long RowsDeleted, long RowsInserted, long? Version);
