using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Reads;

/// <summary>
/// Turns a snapshot into DuckDB SQL that yields its rows with the table's schema: the live files through
/// read_parquet, columns missing from files (added later) as typed NULLs, every column cast to the table's type,
/// partition columns restored from the log per file. Run it with the session time zone set to UTC. For a table on a
/// remote store the SQL names cached copies: hold a <see cref="TableFiles.LeaseAsync(Snapshot, CancellationToken)"/> while it runs.
/// </summary>
public static class SnapshotRelation
{
    private const string FileColumn = "__nl_file";

    public static string ToSql(Snapshot snapshot) => ToSql(snapshot, fileRowFilter: null);

    /// <summary>
    /// The snapshot's rows, or only those each file's <c>file_row_number</c> passes when <paramref name="fileRowFilter"/>
    /// is given (a predicate over that column, e.g. ranges: DuckDB then reads only the row groups holding them).
    /// </summary>
    public static string ToSql(Snapshot snapshot, string? fileRowFilter)
    {
        var schema = snapshot.Schema;
        var partitions = snapshot.PartitionColumns.Select(c => schema.Find(c) ?? throw new InvalidOperationException($"The partition column '{c}' is not in the schema.")).ToList();
        var dataFields = schema.Fields.Where(f => !partitions.Contains(f)).ToList();
        if (snapshot.Files.Count == 0)
        {
            return "SELECT " + string.Join(", ", schema.Fields.Select(f => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}")) + " WHERE false";
        }

        var paths = snapshot.Files.Select(f => TableFiles.LocalPath(snapshot.Store, TableFiles.KeyOf(snapshot.Store, f.Path))).ToList();
        var fileList = "[" + string.Join(", ", paths.Select(Sql.Literal)) + "]";

        // A typed empty row set united by name with the files: columns no file has yet come out as NULL.
        var empty = dataFields.Count == 0
            ? "SELECT NULL AS \"__nl_none\" WHERE false"
            : "SELECT " + string.Join(", ", dataFields.Select(f => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}")) + " WHERE false";
        var fileColumn = partitions.Count > 0 ? $", filename AS {FileColumn}" : "";
        // Unifying by name reads every file's schema at bind and costs the scan a few percent; one file has nothing
        // to unify with (its missing columns come from the typed empty set below).
        var options = paths.Count > 1 ? "union_by_name = true, hive_partitioning = false" : "hive_partitioning = false";
        var files = fileRowFilter is null
            ? $"SELECT *{fileColumn} FROM read_parquet({fileList}, {options})"
            : $"SELECT *{fileColumn} FROM read_parquet({fileList}, {options}, file_row_number = true) WHERE {fileRowFilter}";
        // The typed empty set is needed only for columns some file lacks; without it DuckDB plans the plain scan, with
        // its statistics (join orders of multi-table queries depend on them).
        var data = EveryFileHasEveryColumn(snapshot.Files, dataFields) ? files : $"({empty}) UNION ALL BY NAME ({files})";

        var select = new StringBuilder("SELECT ");
        select.AppendJoin(", ", schema.Fields.Select(f => partitions.Contains(f)
            ? $"CAST(p.{Sql.Quote(f.Name)} AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}"
            : $"CAST(d.{Sql.Quote(f.Name)} AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}"));
        select.Append(" FROM (").Append(data).Append(") AS d");
        if (partitions.Count > 0)
        {
            select.Append(" JOIN (VALUES ");
            for (var i = 0; i < paths.Count; i++)
            {
                select.Append(i == 0 ? "(" : ", (").Append(Sql.Literal(paths[i]));
                foreach (var column in partitions)
                {
                    snapshot.Files[i].PartitionValues.TryGetValue(column.Name, out var value);
                    select.Append(", ").Append(PartitionLiteral(column.Type, value));
                }

                select.Append(')');
            }

            select.Append(") AS p(").Append(FileColumn);
            foreach (var column in partitions)
            {
                select.Append(", ").Append(Sql.Quote(column.Name));
            }

            select.Append($") ON d.{FileColumn} = p.{FileColumn}");
        }

        return select.ToString();
    }

    /// <summary>
    /// True when each file's statistics count nulls of every data column: statistics come from the file's own footer,
    /// so it has them all. Files without statistics, or columns without counts (nested types), answer false.
    /// </summary>
    private static bool EveryFileHasEveryColumn(IReadOnlyList<AddFile> files, IReadOnlyList<StructField> columns)
    {
        foreach (var file in files)
        {
            if (file.Stats is null)
            {
                return false;
            }

            try
            {
                if (JsonNode.Parse(file.Stats)?["nullCount"] is not JsonObject counts || columns.Any(c => !counts.ContainsKey(c.Name)))
                {
                    return false;
                }
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return true;
    }

    private static string PartitionLiteral(DeltaType type, string? value)
    {
        var duckType = DuckDbTypes.ToDuckDb(type);
        return string.IsNullOrEmpty(value) ? $"CAST(NULL AS {duckType})" : $"CAST({Sql.Literal(value)} AS {duckType})";
    }
}
