using System.Text.Json;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// A condition that wraps a partition column in a function or cast (<c>year(day) = 2024</c>) cannot be matched
/// against partition values, so no partition is skipped.
/// </summary>
internal sealed class FunctionOnPartitionColumn : IAdvisorRule
{
    public const string Rule = "function-on-partition-column";

    public IEnumerable<AdvisorFinding> Check(AdvisorContext context)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var select in context.Query.SelectNodes())
        {
            var relations = context.Query.RelationsOf(select);
            foreach (var wrapper in context.Query.FiltersOf(select).SelectMany(ParsedQuery.Objects).Where(IsFunctionOrCast))
            {
                foreach (var column in ParsedQuery.ColumnRefs(wrapper))
                {
                    if (context.PartitionColumn(column, relations) is { } partition && reported.Add((partition.Table.ToString(), partition.Column)))
                    {
                        var function = wrapper.TryGetProperty("function_name", out var name) ? name.GetString() : "CAST";
                        yield return new AdvisorFinding(
                            Rule,
                            $"The condition applies {function} to the partition column {partition.Column} of {partition.Table}, which stops partition pruning: every partition is read.",
                            $"Compare {partition.Column} itself with a value or range (e.g. {partition.Column} >= '2024-01-01' AND {partition.Column} < '2025-01-01').");
                    }
                }
            }
        }
    }

    private static bool IsFunctionOrCast(JsonElement node) => ParsedQuery.Is(node, "class", "FUNCTION") || ParsedQuery.Is(node, "class", "CAST");
}
