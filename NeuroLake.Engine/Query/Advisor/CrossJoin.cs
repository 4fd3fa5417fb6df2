using System.Text.Json;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// A cross join (CROSS JOIN, or a comma join) with no condition comparing columns of its two sides pairs every row
/// with every row. With such a condition in WHERE, DuckDB plans an ordinary join, so that is not flagged.
/// </summary>
internal sealed class CrossJoin : IAdvisorRule
{
    public const string Rule = "cross-join";

    public IEnumerable<AdvisorFinding> Check(AdvisorContext context)
    {
        foreach (var select in context.Query.SelectNodes())
        {
            if (!select.TryGetProperty("from_table", out var from))
            {
                continue;
            }

            var filters = context.Query.FiltersOf(select).ToList();
            foreach (var join in ParsedQuery.JoinsOf(from).Where(j => ParsedQuery.Is(j, "ref_type", "CROSS")))
            {
                var left = Names(context, join.GetProperty("left"));
                var right = Names(context, join.GetProperty("right"));
                if (!filters.SelectMany(ParsedQuery.Objects).Any(c => Relates(c, left, right)))
                {
                    yield return new AdvisorFinding(
                        Rule,
                        $"The query cross joins {string.Join(", ", left)} with {string.Join(", ", right)}: every row of one side meets every row of the other.",
                        "Join on a condition (JOIN ... ON a.key = b.key), or filter with one comparing both sides.");
                }
            }
        }
    }

    private static List<string> Names(AdvisorContext context, JsonElement side) =>
        context.Query.RelationsIn(side).Select(r => r.ExposedName).ToList();

    /// <summary>A comparison with columns on both sides that are not both qualified by the same side.</summary>
    private static bool Relates(JsonElement node, List<string> left, List<string> right)
    {
        if (!ParsedQuery.Is(node, "class", "COMPARISON") || !node.TryGetProperty("left", out var a) || !node.TryGetProperty("right", out var b))
        {
            return false;
        }

        var first = ParsedQuery.ColumnRefs(a).ToList();
        var second = ParsedQuery.ColumnRefs(b).ToList();
        return first.Count > 0 && second.Count > 0
            && (Touches(first, left) && Touches(second, right) || Touches(first, right) && Touches(second, left));
    }

    // Unqualified columns could come from either side.
    private static bool Touches(List<ColumnRef> columns, List<string> side) =>
        columns.Any(c => c.Qualifier is null || side.Contains(c.Qualifier, StringComparer.OrdinalIgnoreCase));
}
