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

        var paths = LocalPaths(snapshot);
        var fileList = "[" + string.Join(", ", paths.Select(Sql.Literal)) + "]";

        // A typed empty row set united by name with the files: columns no file has yet come out as NULL.
        var empty = dataFields.Count == 0
            ? "SELECT NULL AS \"__nl_none\" WHERE false"
            : "SELECT " + string.Join(", ", dataFields.Select(f => $"CAST(NULL AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Sql.Quote(f.Name)}")) + " WHERE false";
        var fileColumn = partitions.Count > 0 ? $", filename AS {FileColumn}" : "";
        var options = ScanOptions(paths);
        var optionList = options.Length == 0 ? "" : ", " + options;
        var files = fileRowFilter is null
            ? $"SELECT *{fileColumn} FROM read_parquet({fileList}{optionList})"
            : $"SELECT *{fileColumn} FROM read_parquet({fileList}{optionList}, file_row_number = true) WHERE {fileRowFilter}";
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
    /// The snapshot's files as one bare <c>read_parquet</c> call for a FROM clause, or null for a partitioned or empty
    /// table. DuckDB plans a bare table function better than the same scan inside a subquery (measured: 3–13% of
    /// TPC-H's short queries), but it is the table's rows only when the files' columns are exactly the schema's, names,
    /// order and types: compare <c>DESCRIBE</c> of both before using it instead of <see cref="ToSql(Snapshot)"/>.
    /// </summary>
    public static string? FileScan(Snapshot snapshot)
    {
        if (snapshot.Files.Count == 0 || snapshot.PartitionColumns.Count > 0)
        {
            return null;
        }

        var paths = LocalPaths(snapshot);
        var files = paths.Count == 1 ? Sql.Literal(paths[0]) : "[" + string.Join(", ", paths.Select(Sql.Literal)) + "]";
        var options = ScanOptions(paths);
        return options.Length == 0 ? $"read_parquet({files})" : $"read_parquet({files}, {options})";
    }

    private static List<string> LocalPaths(Snapshot snapshot) =>
        snapshot.Files.Select(f => TableFiles.LocalPath(snapshot.Store, TableFiles.KeyOf(snapshot.Store, f.Path))).ToList();

    /// <summary>
    /// Unifying by name reads every file's schema at bind and costs the scan a few percent; one file has nothing to
    /// unify with (its missing columns come from the typed empty set). Hive partitions are guessed only from a
    /// <c>key=value</c> folder, so paths without '=' need no option, which costs DuckDB's binder time of its own.
    /// </summary>
    private static string ScanOptions(List<string> paths)
    {
        var options = new List<string>(2);
        if (paths.Count > 1)
        {
            options.Add("union_by_name = true");
        }

        if (paths.Exists(p => p.Contains('=', StringComparison.Ordinal)))
        {
            options.Add("hive_partitioning = false");
        }

        return string.Join(", ", options);
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
