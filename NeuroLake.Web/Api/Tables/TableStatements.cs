using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// The SQL the tables endpoints run as the caller through the query service, so privileges, masks, row filters, history,
/// lineage and audit apply exactly as to SQL typed in the editor. Names are checked against the table's columns and
/// quoted; values become literals (<see cref="SqlLiteral"/>); nothing the caller sends is spliced raw.
/// </summary>
internal static partial class TableStatements
{
    public const int MaxInsertRows = 10_000;

    public static string Create(TableName name, CreateTableRequest request)
    {
        if (request.Columns is null or { Count: 0 })
        {
            throw new BadApiRequestException("A new table needs \"columns\": e.g. [{\"name\": \"id\", \"type\": \"BIGINT\", \"nullable\": false}].");
        }

        var columns = request.Columns.Select(c =>
        {
            if (TableName.TryCreate(c.Name, c.Name) is null)
            {
                throw new BadApiRequestException($"'{c.Name}' is not a column name: use letters, digits and underscores, not starting with a digit.");
            }

            if (c.Type is null || !TypePattern().IsMatch(c.Type.Trim()))
            {
                throw new BadApiRequestException(
                    $"'{c.Type}' is not a column type for '{c.Name}': give a DuckDB type such as BIGINT, VARCHAR, DOUBLE, BOOLEAN, DATE, TIMESTAMP, DECIMAL(10,2) or INT[].");
            }

            return $"{TableName.Quote(c.Name!)} {c.Type.Trim()}{(c.Nullable == false ? " NOT NULL" : "")}";
        }).ToList();
        var partitions = request.PartitionedBy is { Count: > 0 } keys
            ? $" PARTITIONED BY ({string.Join(", ", keys.Select(k => Known(k, request.Columns.Select(c => c.Name!).ToList(), name.ToString())))})"
            : "";
        var comment = string.IsNullOrEmpty(request.Comment) ? "" : " COMMENT " + SqlLiteral.Text(request.Comment);
        return $"CREATE TABLE {name.Sql} ({string.Join(", ", columns)}){partitions}{comment}";
    }

    public static string Read(TableName name, long? version, DateTimeOffset? timestamp) => (version, timestamp) switch
    {
        (not null, not null) => throw new BadApiRequestException("Give ?version= or ?timestamp=, not both."),
        ({ } v, null) when v < 0 => throw new BadApiRequestException($"version must be 0 or more; it was {v}. The table's history lists its versions."),
        ({ } v, null) => $"SELECT * FROM {name.Sql} VERSION AS OF {v.ToString(CultureInfo.InvariantCulture)}",
        (null, { } t) => $"SELECT * FROM {name.Sql} TIMESTAMP AS OF '{Timestamp(t)}'",
        _ => $"SELECT * FROM {name.Sql}",
    };

    public static string Insert(TableInfo table, TableName name, IReadOnlyList<JsonElement>? rows)
    {
        var (columns, tuples) = Values(table, rows);
        return $"INSERT INTO {name.Sql} ({string.Join(", ", columns.Select(TableName.Quote))}) VALUES {string.Join(", ", tuples)}";
    }

    /// <summary>
    /// The rows as a VALUES list, shared by insert and merge: the columns any row names (the table's spelling, an
    /// unknown name refused) and one literal tuple per row, NULL where a row leaves a column out. A merge's
    /// <paramref name="flag"/>, a field that is not a column, comes last when given.
    /// </summary>
    public static (IReadOnlyList<string> Columns, IReadOnlyList<string> Tuples) Values(TableInfo table, IReadOnlyList<JsonElement>? rows, string? flag = null)
    {
        if (rows is null or { Count: 0 } || rows.Count > MaxInsertRows)
        {
            throw new BadApiRequestException($"Send \"rows\": 1 to {MaxInsertRows:N0} objects keyed by column name, e.g. [{{\"id\": 1, \"name\": \"a\"}}].");
        }

        if (rows.FirstOrDefault(r => r.ValueKind != JsonValueKind.Object) is { ValueKind: not JsonValueKind.Undefined } odd)
        {
            throw new BadApiRequestException($"Every row is a JSON object keyed by column name; one is a {odd.ValueKind.ToString().ToLowerInvariant()}.");
        }

        bool IsFlag(string field) => flag is not null && string.Equals(field, flag, StringComparison.OrdinalIgnoreCase);
        List<string> columns = [.. rows.SelectMany(r => r.EnumerateObject().Where(p => !IsFlag(p.Name)).Select(p => Column(table, p.Name)))
            .DistinctBy(c => c, StringComparer.OrdinalIgnoreCase)];
        var tuples = rows.Select(row =>
        {
            var given = row.EnumerateObject().ToDictionary(p => IsFlag(p.Name) ? flag! : Column(table, p.Name), p => p.Value, StringComparer.OrdinalIgnoreCase);
            var values = columns.Append(flag).OfType<string>().Select(c => given.TryGetValue(c, out var v) ? SqlLiteral.Of(v, c) : "NULL");
            return "(" + string.Join(", ", values) + ")";
        }).ToList();
        return (columns, tuples);
    }

    public static string Update(TableInfo table, TableName name, UpdateRowsRequest request)
    {
        if (request.Set is null or { Count: 0 })
        {
            throw new BadApiRequestException("An update needs \"set\": the columns to change and their new values, e.g. {\"status\": \"shipped\"}.");
        }

        var set = string.Join(", ", request.Set.Select(p => $"{TableName.Quote(Column(table, p.Key))} = {SqlLiteral.Of(p.Value, p.Key)}"));
        return $"UPDATE {name.Sql} SET {set} WHERE {RowConditions.Sql(request.Where, c => TableName.Quote(Column(table, c)), "update")}";
    }

    public static string Delete(TableInfo table, TableName name, DeleteRowsRequest request) =>
        $"DELETE FROM {name.Sql} WHERE {RowConditions.Sql(request.Where, c => TableName.Quote(Column(table, c)), "delete")}";

    public static string Restore(TableName name, RestoreRequest request) => (request.Version, request.Timestamp) switch
    {
        ({ } v, null) when v >= 0 => $"RESTORE TABLE {name.Sql} TO VERSION AS OF {v.ToString(CultureInfo.InvariantCulture)}",
        (null, { } t) => $"RESTORE TABLE {name.Sql} TO TIMESTAMP AS OF '{Timestamp(t)}'",
        _ => throw new BadApiRequestException("Give \"version\" (0 or more) or \"timestamp\", not both: e.g. {\"version\": 3}. The table's history lists its versions."),
    };

    /// <summary>The table's own spelling of <paramref name="column"/>; refuses a name the table does not have, listing those it has.</summary>
    public static string Column(TableInfo table, string? column) =>
        table.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))?.Name
        ?? throw new BadApiRequestException($"{table.Path} has no column '{column}': its columns are {string.Join(", ", table.Columns.Select(c => c.Name))}.");

    private static string Known(string column, IReadOnlyList<string> columns, string table) =>
        columns.FirstOrDefault(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase)) is { } found
            ? TableName.Quote(found)
            : throw new BadApiRequestException($"'{column}' in partitionedBy is not a column of the new table {table}: partition by one of {string.Join(", ", columns)}.");

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    // Words with an optional (precision[, scale]) and array suffixes: no quotes, separators or comment markers, and
    // parentheses only around digits, so a type cannot leave the column list.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*( ?\(\d+( ?, ?\d+)?\))?(\[\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();
}
