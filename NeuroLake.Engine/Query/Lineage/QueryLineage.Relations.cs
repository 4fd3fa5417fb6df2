using System.Text.Json;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>FROM clauses and <c>*</c>.</summary>
internal sealed partial class QueryLineage
{
    private void AddRelations(JsonElement table, LineageScope scope)
    {
        var alias = Text(table, "alias");
        var renames = Names(table, "column_name_alias");
        switch (Text(table, "type"))
        {
            case "EMPTY":
                return;
            case "BASE_TABLE":
                scope.Relations.Add(BaseTable(table, alias, renames, scope));
                return;
            case "JOIN":
                AddRelations(table.GetProperty("left"), scope);
                AddRelations(table.GetProperty("right"), scope);
                scope.MergedColumns.UnionWith(Names(table, "using_columns"));
                if (Text(table, "ref_type") == "NATURAL")
                {
                    scope.MergedColumns.UnionWith(NaturalColumns(scope));
                }

                return;
            case "SUBQUERY":
                // The enclosing scope stays visible: DuckDB binds a subquery that refers to earlier FROM items as a LATERAL join.
                var columns = Query(table.GetProperty("subquery").GetProperty("node"), scope);
                scope.Relations.Add(new LineageRelation(alias, LineageRelation.Rename(columns, renames)));
                return;
            case "EXPRESSION_LIST":
                scope.Relations.Add(new LineageRelation(alias, LineageRelation.Rename(ValuesList(table, scope), renames)));
                return;
            case "TABLE_FUNCTION":
                scope.Relations.Add(new LineageRelation(alias, [], Opaque: true));
                return;
            case var type:
                _unresolved.Add($"FROM item {type}");
                scope.Relations.Add(new LineageRelation(alias, [], Opaque: true));
                return;
        }
    }

    private LineageRelation BaseTable(JsonElement table, string alias, IReadOnlyList<string> renames, LineageScope scope)
    {
        var schema = Text(table, "schema_name");
        var name = Text(table, "table_name");
        var exposed = alias.Length > 0 ? alias : name;
        if (schema.Length == 0 && scope.FindCte(name) is { } cte)
        {
            return new LineageRelation(exposed, LineageRelation.Rename(cte, renames));
        }

        var key = new SchemaTableName(schema.Length > 0 ? schema : defaultSchema, name);
        if (tableColumns(key) is not { } columns)
        {
            _unresolved.Add($"table {key}");
            return new LineageRelation(exposed, [], key, Opaque: true);
        }

        var derived = columns.Select(c => new DerivedColumn(c, new HashSet<SourceColumn> { new(key.Schema, key.Table, c) })).ToList();
        return new LineageRelation(exposed, LineageRelation.Rename(derived, renames), key);
    }

    /// <summary>VALUES rows: columns col0, col1 ... fed by the expressions at their position in every row.</summary>
    private List<DerivedColumn> ValuesList(JsonElement table, LineageScope scope)
    {
        var columns = new List<DerivedColumn>();
        foreach (var row in table.GetProperty("values").EnumerateArray())
        {
            var i = 0;
            foreach (var value in row.EnumerateArray())
            {
                var sources = Expression(value, scope);
                if (i < columns.Count)
                {
                    columns[i] = columns[i] with { Sources = Union(columns[i].Sources, sources) };
                }
                else
                {
                    columns.Add(new DerivedColumn("col" + i, sources));
                }

                i++;
            }
        }

        return columns;
    }

    private static IEnumerable<string> NaturalColumns(LineageScope scope) =>
        scope.Relations.SelectMany(r => r.Columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

    /// <summary><c>*</c>, <c>t.*</c>, <c>* EXCLUDE (...)</c>, <c>* REPLACE (expr AS c)</c> and <c>COLUMNS('regex')</c>.</summary>
    private IEnumerable<DerivedColumn> ExpandStar(JsonElement star, LineageScope scope)
    {
        var relationName = Text(star, "relation_name");
        var relations = relationName.Length == 0 ? scope.Relations : scope.Relations.Where(r => r.IsNamed([relationName])).ToList();
        if (relations.Any(r => r.Opaque))
        {
            _unresolved.Add(relationName.Length == 0 ? "* over a relation with unknown columns" : $"{relationName}.* over unknown columns");
        }

        var excluded = new HashSet<string>(Names(star, "exclude_list"), StringComparer.OrdinalIgnoreCase);
        var qualifiedExcluded = star.TryGetProperty("qualified_exclude_list", out var qualified) && qualified.ValueKind == JsonValueKind.Array
            ? qualified.EnumerateArray().Select(q => (Table: Text(q, "table"), Column: Text(q, "column"))).ToList()
            : [];
        var replaced = new Dictionary<string, IReadOnlySet<SourceColumn>>(StringComparer.OrdinalIgnoreCase);
        if (star.TryGetProperty("replace_list", out var replaceList) && replaceList.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in replaceList.EnumerateArray())
            {
                replaced[Text(entry, "key")] = Expression(entry.GetProperty("value"), scope);
            }
        }

        var pattern = ColumnsPattern(star);
        var output = new List<DerivedColumn>();
        foreach (var relation in relations)
        {
            foreach (var column in relation.Columns)
            {
                if (excluded.Contains(column.Name)
                    || qualifiedExcluded.Any(q => LineageRelation.Same(q.Column, column.Name) && relation.IsNamed([q.Table]))
                    || (pattern is not null && !pattern.IsMatch(column.Name)))
                {
                    continue;
                }

                var sources = replaced.TryGetValue(column.Name, out var replacement) ? replacement : column.Sources;
                var merged = relationName.Length == 0 && scope.MergedColumns.Contains(column.Name)
                    ? output.FindIndex(c => LineageRelation.Same(c.Name, column.Name)) : -1;
                if (merged >= 0)
                {
                    output[merged] = output[merged] with { Sources = Union(output[merged].Sources, sources) };
                }
                else
                {
                    output.Add(new DerivedColumn(column.Name, sources));
                }
            }
        }

        return output;
    }

    /// <summary>COLUMNS('regex') filters by a pattern; other COLUMNS forms (lambdas, lists) are reported as unresolved.</summary>
    private Regex? ColumnsPattern(JsonElement star)
    {
        if (!star.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.True)
        {
            return null;
        }

        if (!star.TryGetProperty("expr", out var expr) || expr.ValueKind != JsonValueKind.Object || Text(expr, "class") == "STAR")
        {
            return null;
        }

        if (Text(expr, "class") == "CONSTANT"
            && expr.GetProperty("value").TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
        {
            return new Regex(value.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        _unresolved.Add("COLUMNS(...) other than a regular expression");
        return null;
    }
}
