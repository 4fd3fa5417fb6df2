using System.Text.Json;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>
/// Walks DuckDB's parse tree of a query (<see cref="SqlParseTree"/>) and derives, for each output column, the catalog
/// columns its values flow from: through expressions, CASE, casts, aggregates, window functions, joins, set operations,
/// CTEs (recursive too), subqueries in FROM and in expressions, and <c>*</c> with EXCLUDE, REPLACE and COLUMNS('regex').
/// Filters (WHERE, ON, HAVING, QUALIFY, FILTER) make no column edges: they choose rows, they do not supply values.
/// </summary>
internal sealed partial class QueryLineage(Func<SchemaTableName, IReadOnlyList<string>?> tableColumns, string defaultSchema)
{
    private readonly List<string> _unresolved = [];

    /// <summary>What could not be followed; lineage of the affected columns is partial.</summary>
    public IReadOnlyList<string> Unresolved => _unresolved;

    /// <summary>The output columns of a query node, in order.</summary>
    public IReadOnlyList<DerivedColumn> Query(JsonElement node, LineageScope? outer)
    {
        var scope = new LineageScope(outer);
        AddCtes(node, scope);
        switch (Text(node, "type"))
        {
            case "SELECT_NODE":
                return Select(node, scope);
            case "SET_OPERATION_NODE":
                return SetOperation(node, scope);
            case "CTE_NODE":
                scope.AddCte(Text(node, "ctename"), Query(node.GetProperty("query"), scope));
                return Query(node.GetProperty("child"), scope);
            case var type:
                _unresolved.Add($"query node {type}");
                return [];
        }
    }

    private void AddCtes(JsonElement node, LineageScope scope)
    {
        if (!node.TryGetProperty("cte_map", out var map) || !map.TryGetProperty("map", out var entries))
        {
            return;
        }

        foreach (var entry in entries.EnumerateArray())
        {
            var name = Text(entry, "key");
            var value = entry.GetProperty("value");
            var query = value.GetProperty("query").GetProperty("node");
            var aliases = Names(value, "aliases");
            var columns = Text(query, "type") == "RECURSIVE_CTE_NODE"
                ? RecursiveCte(name, query, aliases, scope)
                : LineageRelation.Rename(Query(query, scope), aliases);
            scope.AddCte(name, columns);
        }
    }

    /// <summary>The anchor's lineage, then one pass of the recursive part over it: recursion adds no new sources.</summary>
    private IReadOnlyList<DerivedColumn> RecursiveCte(string name, JsonElement node, IReadOnlyList<string> aliases, LineageScope scope)
    {
        var anchor = LineageRelation.Rename(Query(node.GetProperty("left"), scope), aliases);
        var inner = new LineageScope(scope);
        inner.AddCte(name, anchor);
        return Combine(anchor, Query(node.GetProperty("right"), inner));
    }

    private IReadOnlyList<DerivedColumn> SetOperation(JsonElement node, LineageScope scope)
    {
        var inputs = node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
            ? children.EnumerateArray().Select(c => Query(c, scope)).ToList()
            : [Query(node.GetProperty("left"), scope), Query(node.GetProperty("right"), scope)];
        var byName = Text(node, "setop_type").EndsWith("BY_NAME", StringComparison.Ordinal);
        return inputs.Skip(1).Aggregate(inputs[0], (all, next) => byName ? CombineByName(all, next) : Combine(all, next));
    }

    /// <summary>Positional union: names from the left, sources from both.</summary>
    private static IReadOnlyList<DerivedColumn> Combine(IReadOnlyList<DerivedColumn> left, IReadOnlyList<DerivedColumn> right) =>
        left.Select((c, i) => i < right.Count ? c with { Sources = Union(c.Sources, right[i].Sources) } : c).ToList();

    private static IReadOnlyList<DerivedColumn> CombineByName(IReadOnlyList<DerivedColumn> left, IReadOnlyList<DerivedColumn> right)
    {
        var combined = left.ToList();
        foreach (var column in right)
        {
            var at = combined.FindIndex(c => LineageRelation.Same(c.Name, column.Name));
            if (at < 0)
            {
                combined.Add(column);
            }
            else
            {
                combined[at] = combined[at] with { Sources = Union(combined[at].Sources, column.Sources) };
            }
        }

        return combined;
    }

    private IReadOnlyList<DerivedColumn> Select(JsonElement node, LineageScope scope)
    {
        if (node.TryGetProperty("from_table", out var from))
        {
            AddRelations(from, scope);
        }

        var output = new List<DerivedColumn>();
        foreach (var expression in node.GetProperty("select_list").EnumerateArray())
        {
            if (Text(expression, "class") == "STAR")
            {
                output.AddRange(ExpandStar(expression, scope));
                continue;
            }

            var column = new DerivedColumn(OutputName(expression), Expression(expression, scope));
            output.Add(column);
            if (column.Name.Length > 0)
            {
                scope.SelectAliases.TryAdd(column.Name, column.Sources);
            }
        }

        return output;
    }

    /// <summary>The name DuckDB gives an output column, where lineage needs it (references from an outer query).</summary>
    private static string OutputName(JsonElement expression)
    {
        var alias = Text(expression, "alias");
        if (alias.Length > 0)
        {
            return alias;
        }

        return Text(expression, "class") == "COLUMN_REF" ? Names(expression, "column_names")[^1] : "";
    }

    internal static HashSet<SourceColumn> Union(IEnumerable<SourceColumn> a, IEnumerable<SourceColumn> b)
    {
        var union = new HashSet<SourceColumn>(a);
        union.UnionWith(b);
        return union;
    }

    internal static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    internal static IReadOnlyList<string> Names(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
