using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>A partitioned table read with no condition on any partition column scans every partition.</summary>
internal sealed class MissingPartitionFilter : IAdvisorRule
{
    public const string Rule = "no-partition-filter";

    public IEnumerable<AdvisorFinding> Check(AdvisorContext context)
    {
        var read = new HashSet<SchemaTableName>();
        var filtered = new HashSet<SchemaTableName>();
        foreach (var select in context.Query.SelectNodes())
        {
            var relations = context.Query.RelationsOf(select);
            read.UnionWith(relations.Where(r => r.Table is { } t && context.PartitionColumnsOf(t).Count > 0).Select(r => r.Table!.Value));
            foreach (var column in context.Query.FiltersOf(select).SelectMany(ParsedQuery.ColumnRefs))
            {
                if (context.PartitionColumn(column, relations) is { } partition)
                {
                    filtered.Add(partition.Table);
                }
            }
        }

        foreach (var table in read.Except(filtered).OrderBy(t => t.ToString(), StringComparer.Ordinal))
        {
            var columns = string.Join(", ", context.PartitionColumnsOf(table));
            yield return new AdvisorFinding(
                Rule,
                $"{table} is partitioned by {columns}, but the query has no condition on them, so it reads every partition.",
                $"Add a condition on {columns} (e.g. WHERE {context.PartitionColumnsOf(table)[0]} = ...) to read only the partitions you need.");
        }
    }
}
