using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>What makes an edited schema or a target unusable, in words that say how to fix it.</summary>
internal static class WizardRules
{
    public static IReadOnlyList<string> SchemaProblems(IReadOnlyList<ColumnEdit> columns, LoadTarget? target)
    {
        var problems = new List<string>();
        foreach (var column in columns.Where(c => !SqlName.IsValid(c.Name)))
        {
            problems.Add($"'{column.Name}' (from '{column.Proposed.OriginalName}') is not a valid column name: use letters, digits and underscores, starting with a letter or underscore.");
        }

        foreach (var duplicate in columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Count()} columns are named '{duplicate.Key}': give each column its own name.");
        }

        if (columns.Count > 0 && columns.All(c => c.Partition))
        {
            problems.Add("Every column is marked as a partition column: leave at least one column unpartitioned.");
        }

        return problems;
    }

    public static IReadOnlyList<string> TargetProblems(LoadTarget? target, IReadOnlyList<ColumnEdit> columns)
    {
        if (target is null)
        {
            return ["Choose a target table."];
        }

        var problems = new List<string>();
        if (!SqlName.IsValid(target.Schema))
        {
            problems.Add($"'{target.Schema}' is not a valid schema name: use letters, digits and underscores, starting with a letter or underscore.");
        }

        if (!SqlName.IsValid(target.Table))
        {
            problems.Add($"'{target.Table}' is not a valid table name: use letters, digits and underscores, starting with a letter or underscore.");
        }

        if (target.Mode == LoadMode.MergeOnKey && !columns.Any(c => c.Key))
        {
            problems.Add("A merge matches rows on key columns: mark at least one column as key in the schema step.");
        }

        if (target.Mode != LoadMode.NewTable && columns.Any(c => c.Partition))
        {
            problems.Add("Partition columns apply to a new table only: clear the partition marks in the schema step, or load into a new table.");
        }

        return problems;
    }
}
