using System.Text;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// DuckDB SQL yielding the rows of some of a snapshot's files with the table's columns plus, per row, the file's
/// log path (<see cref="PathColumn"/>) and its row number inside the file (<see cref="RowColumn"/>): the row
/// identity row-level operations need to know which files hold affected rows. On a remote store the files must be
/// leased (<see cref="TableFiles.LeaseAsync(Storage.IObjectStore, IEnumerable{AddFile}, CancellationToken)"/>) while the SQL runs.
/// </summary>
internal static class TargetScan
{
    public const string PathColumn = "__nl_path";
    public const string RowColumn = "__nl_row";

    public static string ToSql(Snapshot snapshot, IReadOnlyList<AddFile> files)
    {
        var schema = snapshot.Schema;
        var partitions = snapshot.PartitionColumns.Select(c => schema.Find(c)!).ToList();
        var dataFields = schema.Fields.Where(f => !partitions.Contains(f)).ToList();
        if (files.Count == 0)
        {
            return ExpressionCheck.EmptyRelation(new StructType([.. schema.Fields, new StructField(PathColumn, PrimitiveType.String), new StructField(RowColumn, PrimitiveType.Long)]));
        }

        var locals = files.Select(f => TableFiles.LocalPath(snapshot.Store, TableFiles.KeyOf(snapshot.Store, f.Path))).ToList();
        var empty = "SELECT " + string.Join(", ", dataFields.Select(f => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}")
            .Append("CAST(NULL AS VARCHAR) AS filename").Append("CAST(NULL AS BIGINT) AS file_row_number")) + " WHERE false";
        var data = $"({empty}) UNION ALL BY NAME (SELECT * FROM read_parquet([{string.Join(", ", locals.Select(Sql.Literal))}], "
            + "union_by_name = true, hive_partitioning = false, filename = true, file_row_number = true))";

        var select = new StringBuilder("SELECT ");
        select.AppendJoin(", ", schema.Fields.Select(f =>
            $"CAST({(partitions.Contains(f) ? "p" : "d")}.{Sql.Quote(f.Name)} AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}"));
        select.Append($", p.{PathColumn}, d.file_row_number AS {RowColumn} FROM (").Append(data).Append(") AS d JOIN (VALUES ");
        for (var i = 0; i < files.Count; i++)
        {
            select.Append(i == 0 ? "(" : ", (").Append(Sql.Literal(locals[i])).Append(", ").Append(Sql.Literal(files[i].Path));
            foreach (var column in partitions)
            {
                files[i].PartitionValues.TryGetValue(column.Name, out var value);
                var type = DuckDbTypes.ToDuckDb(column.Type);
                select.Append(", ").Append(string.IsNullOrEmpty(value) ? $"CAST(NULL AS {type})" : $"CAST({Sql.Literal(value)} AS {type})");
            }

            select.Append(')');
        }

        select.Append($") AS p(__nl_local, {PathColumn}");
        foreach (var column in partitions)
        {
            select.Append(", ").Append(Sql.Quote(column.Name));
        }

        return select.Append(") ON d.filename = p.__nl_local").ToString();
    }

    /// <summary>The table's columns, quoted, for SELECT lists that must drop the identity columns.</summary>
    public static string Columns(StructType schema, string? qualifier = null) =>
        string.Join(", ", schema.Fields.Select(f => (qualifier is null ? "" : qualifier + ".") + Sql.Quote(f.Name)));
}
