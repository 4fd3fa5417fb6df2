using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// DuckDB's own parse tree (<c>json_serialize_sql</c>) of a query, with each catalog table reference replaced by a
/// placeholder name first, so every <c>BASE_TABLE</c> node maps back to the catalog table it reads; other base tables
/// are CTE names. Only SELECT-shaped statements parse (DuckDB serializes nothing else).
/// </summary>
internal sealed class ParsedQuery
{
    private const string Placeholder = "__nl_table_";

    private ParsedQuery(JsonElement root, IReadOnlyList<SchemaTableName> references)
    {
        Root = root;
        References = references;
    }

    /// <summary>The statement's query node (SELECT_NODE, SET_OPERATION_NODE, ...).</summary>
    public JsonElement Root { get; }

    /// <summary>The catalog table each placeholder stands for, by placeholder number.</summary>
    public IReadOnlyList<SchemaTableName> References { get; }

    /// <summary>Null when DuckDB cannot parse the statement (e.g. Spark-only syntax it does not know).</summary>
    public static ParsedQuery? Parse(DuckDbDatabase duckDb, StatementAnalysis analysis, string defaultSchema)
    {
        var numbers = new Dictionary<TableReference, int>(ReferenceEqualityComparer.Instance);
        foreach (var reference in analysis.Reads)
        {
            numbers[reference] = numbers.Count;
        }

        var sql = analysis.Reads.Count == 0 ? analysis.Statement.Text : analysis.Rewrite(r => Placeholder + numbers[r]);
        // No rule and no PII flag reads a literal's value, so statements that differ only in their values share a tree.
        return ParseTreeCache.Get(duckDb, LiteralBlindText.Of(analysis.Statement), sql) is { } root
            ? new ParsedQuery(root, analysis.Reads.Select(r => r.Name.ToSchemaTable(defaultSchema)).ToList())
            : null;
    }

    /// <summary>Every SELECT block of the statement: the main one, set operation branches, CTEs and subqueries.</summary>
    public IEnumerable<JsonElement> SelectNodes() => Objects(Root).Where(o => Is(o, "type", "SELECT_NODE"));

    /// <summary>The relations a SELECT block's FROM joins, not looking into subqueries.</summary>
    public IReadOnlyList<Relation> RelationsOf(JsonElement selectNode) =>
        selectNode.TryGetProperty("from_table", out var from) ? RelationsIn(from) : [];

    /// <summary>The relations a FROM clause (or one side of a join) joins, not looking into subqueries.</summary>
    public IReadOnlyList<Relation> RelationsIn(JsonElement from)
    {
        var relations = new List<Relation>();
        Collect(from, relations);
        return relations;
    }

    /// <summary>The catalog table a BASE_TABLE node reads, or null for a CTE name or anything else.</summary>
    public SchemaTableName? TableOf(JsonElement node)
    {
        if (!Is(node, "type", "BASE_TABLE"))
        {
            return null;
        }

        var name = node.GetProperty("table_name").GetString() ?? "";
        return name.StartsWith(Placeholder, StringComparison.Ordinal) && int.TryParse(name.AsSpan(Placeholder.Length), out var n) && n < References.Count
            ? References[n]
            : null;
    }

    /// <summary>The node and all objects below it, depth first.</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement element)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.ValueKind == JsonValueKind.Object)
            {
                yield return current;
                foreach (var property in current.EnumerateObject())
                {
                    stack.Push(property.Value);
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
    }

    /// <summary>Column references at or below <paramref name="element"/>.</summary>
    public static IEnumerable<ColumnRef> ColumnRefs(JsonElement element) =>
        Objects(element).Where(o => Is(o, "class", "COLUMN_REF")).Select(ColumnRef.Of);

    public static bool Is(JsonElement element, string property, string value) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
        && string.Equals(v.GetString(), value, StringComparison.Ordinal);

    /// <summary>The expression objects that filter rows of a SELECT block: WHERE, join conditions and HAVING.</summary>
    public IEnumerable<JsonElement> FiltersOf(JsonElement selectNode)
    {
        foreach (var name in new[] { "where_clause", "having" })
        {
            if (selectNode.TryGetProperty(name, out var clause) && clause.ValueKind == JsonValueKind.Object)
            {
                yield return clause;
            }
        }

        if (selectNode.TryGetProperty("from_table", out var from))
        {
            foreach (var join in JoinsOf(from))
            {
                if (join.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
                {
                    yield return condition;
                }
            }
        }
    }

    /// <summary>JOIN nodes of a FROM clause, not looking into subqueries.</summary>
    public static IEnumerable<JsonElement> JoinsOf(JsonElement from)
    {
        if (Is(from, "type", "JOIN"))
        {
            yield return from;
            foreach (var side in new[] { "left", "right" })
            {
                foreach (var join in JoinsOf(from.GetProperty(side)))
                {
                    yield return join;
                }
            }
        }
    }

    /// <summary>
    /// The relations in <paramref name="scope"/> a column reference may read: the one its qualifier names; unqualified,
    /// the catalog tables that have the column, else the CTEs and subqueries (whose columns are not known here).
    /// </summary>
    public static IReadOnlyList<Relation> Candidates(ColumnRef column, IReadOnlyList<Relation> scope, Func<SchemaTableName, string, bool> hasColumn)
    {
        if (column.Qualifier is { } qualifier)
        {
            return scope.Where(r => string.Equals(r.ExposedName, qualifier, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var tables = scope.Where(r => r.Table is { } t && hasColumn(t, column.Column)).ToList();
        return tables.Count > 0 ? tables : scope.Where(r => r.Table is null).ToList();
    }

    private void Collect(JsonElement from, List<Relation> relations)
    {
        if (Is(from, "type", "JOIN"))
        {
            Collect(from.GetProperty("left"), relations);
            Collect(from.GetProperty("right"), relations);
            return;
        }

        if (Is(from, "type", "EMPTY"))
        {
            return;
        }

        var alias = from.TryGetProperty("alias", out var a) ? a.GetString() ?? "" : "";
        var table = TableOf(from);
        if (alias.Length == 0 && Is(from, "type", "BASE_TABLE"))
        {
            alias = from.GetProperty("table_name").GetString() ?? "";
        }

        relations.Add(new Relation(alias, table, from));
    }
}
