using System.Text.Json;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>Expressions: every column an expression reads feeds its value, except inside filters.</summary>
internal sealed partial class QueryLineage
{
    /// <summary>Parts of an expression that pick rows rather than supply values (aggregate and window FILTER).</summary>
    private static readonly HashSet<string> FilterProperties = new(StringComparer.Ordinal) { "filter", "filter_expr" };

    public IReadOnlySet<SourceColumn> Expression(JsonElement expression, LineageScope scope)
    {
        var sources = new HashSet<SourceColumn>();
        Collect(expression, scope, new HashSet<string>(), sources);
        return sources;
    }

    private void Collect(JsonElement element, LineageScope scope, IReadOnlySet<string> lambdaParameters, HashSet<SourceColumn> sources)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, scope, lambdaParameters, sources);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (Text(element, "class"))
        {
            case "COLUMN_REF":
                var names = Names(element, "column_names");
                if (!(names.Count == 1 && lambdaParameters.Contains(names[0])))
                {
                    sources.UnionWith(Resolve(names, scope));
                }

                return;
            case "STAR":
                foreach (var column in ExpandStar(element, scope))
                {
                    sources.UnionWith(column.Sources);
                }

                return;
            case "SUBQUERY":
                foreach (var column in Query(element.GetProperty("subquery").GetProperty("node"), scope))
                {
                    sources.UnionWith(column.Sources);
                }

                if (element.TryGetProperty("child", out var child))
                {
                    Collect(child, scope, lambdaParameters, sources);
                }

                return;
            case "LAMBDA":
                var parameters = new HashSet<string>(lambdaParameters, StringComparer.OrdinalIgnoreCase);
                CollectParameterNames(element.GetProperty("lhs"), parameters);
                Collect(element.GetProperty("expr"), scope, parameters, sources);
                return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!FilterProperties.Contains(property.Name))
            {
                Collect(property.Value, scope, lambdaParameters, sources);
            }
        }
    }

    private static void CollectParameterNames(JsonElement lhs, HashSet<string> parameters)
    {
        if (Text(lhs, "class") == "COLUMN_REF")
        {
            parameters.Add(Names(lhs, "column_names")[^1]);
            return;
        }

        if (lhs.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                CollectParameterNames(child, parameters);
            }
        }
    }

    /// <summary>
    /// A column reference, innermost scope first: <c>c</c>, <c>rel.c</c>, <c>schema.table.c</c>, or a struct field
    /// <c>c.field</c>; then select-list aliases. A bare name found in several relations (USING, NATURAL) takes them all.
    /// </summary>
    private IReadOnlySet<SourceColumn> Resolve(IReadOnlyList<string> names, LineageScope start)
    {
        for (var scope = start; scope is not null; scope = scope.Parent)
        {
            for (var qualifierLength = Math.Min(3, names.Count - 1); qualifierLength >= 1; qualifierLength--)
            {
                var qualifier = names.Take(qualifierLength).ToList();
                var relation = scope.Relations.LastOrDefault(r => r.IsNamed(qualifier));
                if (relation is not null)
                {
                    return relation.Opaque ? new HashSet<SourceColumn>() : Sources(relation.Named(names[qualifierLength]));
                }
            }

            var matches = scope.Relations.SelectMany(r => r.Named(names[0])).ToList();
            if (matches.Count > 0)
            {
                return Sources(matches);
            }

            if (scope.SelectAliases.TryGetValue(names[0], out var aliased))
            {
                return aliased;
            }
        }

        if (!start.HasOpaqueRelation)
        {
            _unresolved.Add("column " + string.Join('.', names));
        }

        return new HashSet<SourceColumn>();
    }

    private static HashSet<SourceColumn> Sources(IEnumerable<DerivedColumn> columns) => columns.SelectMany(c => c.Sources).ToHashSet();
}
