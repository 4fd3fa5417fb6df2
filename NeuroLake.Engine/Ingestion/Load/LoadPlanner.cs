using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>Compares the source columns with the target table before anything is written.</summary>
internal static class LoadPlanner
{
    private static readonly string[] Integers = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT"];

    public static async Task<LoadPlan> PlanAsync(LoadRequest request, CancellationToken ct)
    {
        var source = request.LoadedColumns.Select(c => (c.Name, Type: Normalize(c.DuckDbType))).ToList();
        var exists = await request.Target.ExistsAsync(ct).ConfigureAwait(false);
        var general = GeneralRefusal(request, exists, source.Select(c => c.Name).ToList());
        if (!exists)
        {
            return new LoadPlan(false, null, [], [], [], general);
        }

        var snapshot = await request.Target.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        var table = snapshot.Schema.Fields.ToDictionary(f => f.Name, f => DuckDbTypes.ToDuckDb(f.Type), StringComparer.OrdinalIgnoreCase);
        var added = new List<NewColumn>();
        var conflicts = new List<ColumnTypeConflict>();
        foreach (var (name, type) in source)
        {
            if (!table.TryGetValue(name, out var tableType))
            {
                added.Add(new NewColumn(name, type));
            }
            else if (!Writable(type, tableType))
            {
                conflicts.Add(new ColumnTypeConflict(name, tableType, type));
            }
        }

        var missing = table.Keys.Where(k => !source.Any(c => string.Equals(c.Name, k, StringComparison.OrdinalIgnoreCase))).ToList();
        var refusal = general
            ?? (conflicts.Count > 0 ? ConflictMessage(conflicts) : null)
            ?? (added.Count > 0 && !request.MergeSchema ? NewColumnsMessage(added) : null)
            ?? KeysOfTable(request, table.Keys);
        return new LoadPlan(true, snapshot.Version, added, conflicts, missing, refusal);
    }

    private static string? GeneralRefusal(LoadRequest request, bool exists, IReadOnlyList<string> source)
    {
        var target = request.Target.Location;
        if (request.Mode == LoadMode.NewTable && exists)
        {
            return $"'{target}' already exists: append, overwrite or merge into it, or choose a new table name.";
        }

        if (request.Mode != LoadMode.NewTable && !exists)
        {
            return $"'{target}' does not exist: load it as a new table.";
        }

        if (request.Mode != LoadMode.NewTable && request.PartitionColumns.Count > 0)
        {
            return "Partition columns can only be chosen for a new table; an existing table keeps its own.";
        }

        if (request.Mode == LoadMode.MergeOnKey != (request.KeyColumns.Count > 0))
        {
            return request.Mode == LoadMode.MergeOnKey
                ? "A merge needs key columns to match source rows to table rows: name at least one."
                : "Key columns are only used by a merge: remove them or load with MergeOnKey.";
        }

        var unknown = request.PartitionColumns.Concat(request.KeyColumns)
            .Where(c => !source.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count > 0
            ? $"Column(s) {string.Join(", ", unknown)} are not among the source's columns ({string.Join(", ", source)}): name source columns."
            : null;
    }

    private static string? KeysOfTable(LoadRequest request, IEnumerable<string> tableColumns)
    {
        var missing = request.KeyColumns.Where(k => !tableColumns.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        return missing.Count > 0 ? $"Key column(s) {string.Join(", ", missing)} are not columns of the table: merge on columns both have." : null;
    }

    private static string ConflictMessage(IReadOnlyList<ColumnTypeConflict> conflicts) =>
        "The source's types cannot be written into the table's: " +
        string.Join("; ", conflicts.Select(c => $"{c.Column} is {c.TableType} in the table but {c.SourceType} in the source")) +
        ". Change these columns' types in the schema to the table's, or load into a new table.";

    private static string NewColumnsMessage(IReadOnlyList<NewColumn> added) =>
        "The source has column(s) the table lacks: " + string.Join(", ", added.Select(c => $"{c.Column} ({c.SourceType})")) +
        ". Load with merge-schema to add them, or leave them out of the schema.";

    /// <summary>The type as the table would store it (DuckDB → Delta → DuckDB), so equal types compare equal.</summary>
    private static string Normalize(string duckDbType)
    {
        try
        {
            return DuckDbTypes.ToDuckDb(DuckDbTypes.FromDuckDb(duckDbType));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return duckDbType.ToUpperInvariant();
        }
    }

    /// <summary>Source values of <paramref name="source"/> fit <paramref name="table"/> without loss.</summary>
    private static bool Writable(string source, string table)
    {
        if (string.Equals(source, table, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var from = Array.IndexOf(Integers, source);
        var to = Array.IndexOf(Integers, table);
        return from >= 0 && (to >= from || table == "DOUBLE" || table.StartsWith("DECIMAL", StringComparison.Ordinal))
            || source == "FLOAT" && table == "DOUBLE"
            || source == "DATE" && table.StartsWith("TIMESTAMP", StringComparison.Ordinal);
    }
}
