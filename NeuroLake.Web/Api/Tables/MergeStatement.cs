using System.Text.Json;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// The MERGE a JSON merge runs as the caller. The rows become a VALUES list through the insert's literal path
/// (<see cref="TableStatements.Values"/>), each column cast to the table's type so keys compare as the table's values
/// (a date given as a string matches a DATE key); names are the table's, quoted.
/// </summary>
internal static class MergeStatement
{
    private const string Target = "tgt";
    private const string Source = "src";

    public static string Of(TableInfo table, TableName name, MergeRowsRequest request)
    {
        var keys = Keys(table, request.Keys);
        var flag = Flag(table, request.DeleteWhen);
        var (columns, tuples) = TableStatements.Values(table, request.Rows, flag);
        RequireKeysInEveryRow(request.Rows!, keys);
        var updates = request.UpdateColumns is { } chosen
            ? chosen.Select(c => Given(TableStatements.Column(table, c), columns, "updateColumns")).ToList()
            : columns.Where(c => !keys.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (updates.FirstOrDefault(u => keys.Contains(u, StringComparer.OrdinalIgnoreCase)) is { } key)
        {
            throw new BadApiRequestException($"'{key}' is a key: matched rows already have its value. Leave it out of updateColumns.");
        }

        var insert = request.InsertNotMatched ?? true;
        if (updates.Count == 0 && !insert && flag is null)
        {
            throw new BadApiRequestException("This merge would change nothing: give updateColumns, leave insertNotMatched true, or name a deleteWhen field.");
        }

        var sourceColumns = columns.Select(c => $"CAST(v.{Q(c)} AS {DuckDbTypeName.Of(table.Columns.First(t => t.Name == c).Type)}) AS {Q(c)}");
        if (flag is not null)
        {
            sourceColumns = sourceColumns.Append($"coalesce(CAST(v.{Q(flag)} AS BOOLEAN), false) AS {Q(flag)}");
        }

        var names = string.Join(", ", columns.Append(flag).OfType<string>().Select(Q));
        var source = $"(SELECT {string.Join(", ", sourceColumns)} FROM (VALUES {string.Join(", ", tuples)}) AS v({names}))";
        var on = string.Join(" AND ", keys.Select(k => $"{Target}.{Q(k)} = {Source}.{Q(k)}"));
        var clauses = new List<string>(3);
        if (flag is not null)
        {
            clauses.Add($"WHEN MATCHED AND {Source}.{Q(flag)} THEN DELETE");
        }

        if (updates.Count > 0)
        {
            clauses.Add($"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates.Select(u => $"{Q(u)} = {Source}.{Q(u)}"))}");
        }

        if (insert)
        {
            var guard = flag is null ? "" : $" AND NOT {Source}.{Q(flag)}";
            clauses.Add($"WHEN NOT MATCHED{guard} THEN INSERT ({string.Join(", ", columns.Select(Q))}) VALUES ({string.Join(", ", columns.Select(c => $"{Source}.{Q(c)}"))})");
        }

        return $"MERGE INTO {name.Sql} AS {Target} USING {source} AS {Source} ON {on} {string.Join(" ", clauses)}";
    }

    /// <summary>The key columns in the table's spelling; at least one.</summary>
    public static IReadOnlyList<string> Keys(TableInfo table, IReadOnlyList<string>? keys) =>
        keys is null or { Count: 0 }
            ? throw new BadApiRequestException("A merge needs \"keys\": the columns that match a row to the table's rows, e.g. [\"id\"].")
            : keys.Select(k => TableStatements.Column(table, k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The counts a MERGE statement answers (affected, updated, deleted, inserted) and the version it committed.</summary>
    public static MergeResultJson Result(Engine.Query.Service.StatementResult result)
    {
        var counts = result.Rows.Single().Select(Convert.ToInt64).ToList();
        return new MergeResultJson(counts[0], counts[1], counts[2], counts[3], result.TableWritten?.Version);
    }

    private static string? Flag(TableInfo table, string? field)
    {
        if (field is null)
        {
            return null;
        }

        if (TableName.TryCreate(field, field) is null)
        {
            throw new BadApiRequestException($"deleteWhen '{field}' is not a field name: use letters, digits and underscores, not starting with a digit.");
        }

        return table.Columns.Any(c => string.Equals(c.Name, field, StringComparison.OrdinalIgnoreCase))
            ? throw new BadApiRequestException($"deleteWhen '{field}' is a column of {table.Path}: name a field of the rows that is not a column, e.g. \"_deleted\".")
            : field;
    }

    private static void RequireKeysInEveryRow(IReadOnlyList<JsonElement> rows, IReadOnlyList<string> keys)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var given = rows[i].EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToList();
            if (keys.FirstOrDefault(k => !given.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } missing)
            {
                throw new BadApiRequestException($"Row {i + 1} has no value for the key '{missing}': every row gives every key, so it can be matched.");
            }
        }
    }

    private static string Given(string column, IReadOnlyList<string> columns, string field) =>
        columns.Contains(column, StringComparer.OrdinalIgnoreCase)
            ? column
            : throw new BadApiRequestException($"'{column}' in {field} is not given by any row: add it to the rows or leave it out of {field}.");

    private static string Q(string identifier) => TableName.Quote(identifier);
}
