using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>SELECT * (or t.*) over a catalog table with many columns reads and returns every one of them.</summary>
internal sealed class SelectStarOnWideTable : IAdvisorRule
{
    public const string Rule = "select-star-wide-table";

    public IEnumerable<AdvisorFinding> Check(AdvisorContext context)
    {
        var flagged = new HashSet<SchemaTableName>();
        foreach (var select in context.Query.SelectNodes())
        {
            var relations = context.Query.RelationsOf(select);
            foreach (var star in select.GetProperty("select_list").EnumerateArray().Where(e => ParsedQuery.Is(e, "class", "STAR")))
            {
                var qualifier = star.GetProperty("relation_name").GetString();
                foreach (var relation in relations.Where(r => string.IsNullOrEmpty(qualifier) || string.Equals(r.ExposedName, qualifier, StringComparison.OrdinalIgnoreCase)))
                {
                    if (relation.Table is { } table && context.Tables.TryGetValue(table, out var info)
                        && info.Columns.Count >= context.Options.WideTableColumns && flagged.Add(table))
                    {
                        yield return new AdvisorFinding(
                            Rule,
                            $"SELECT * reads all {info.Columns.Count} columns of {table}.",
                            "Name the columns you need: Parquet reads only the columns a query names.");
                    }
                }
            }
        }
    }
}
