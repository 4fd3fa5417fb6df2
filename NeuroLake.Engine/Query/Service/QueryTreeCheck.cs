using System.Text.Json;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Walks DuckDB's parse tree of a query (<c>json_serialize_sql</c>) for what the sandbox refuses, wherever the
/// syntax puts it (PIVOT, UNPIVOT, LATERAL, set operations, subqueries): tables NeuroLake did not resolve, table
/// functions beyond the safe ones, denied functions, and SHOW/DESCRIBE/SUMMARIZE relations.
/// </summary>
internal static class QueryTreeCheck
{
    /// <exception cref="QueryRefusedException">The tree reaches beyond the catalog tables the statement names.</exception>
    public static void Check(JsonElement tree, StatementAnalysis analysis)
    {
        var ctes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tables = new List<(string Schema, string Table)>();
        // An explicit stack: the tree can be deep, and a request must not drive recursion.
        var pending = new Stack<JsonElement>();
        pending.Push(tree);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    pending.Push(item);
                }

                continue;
            }

            if (node.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            Inspect(node, analysis, ctes, tables);
            foreach (var property in node.EnumerateObject())
            {
                pending.Push(property.Value);
            }
        }

        foreach (var (schema, table) in tables)
        {
            if (!ctes.Contains(table) || schema.Length > 0)
            {
                EnsureResolved(schema, table, analysis);
            }
        }
    }

    private static void Inspect(JsonElement node, StatementAnalysis analysis, HashSet<string> ctes, List<(string, string)> tables)
    {
        var type = Text(node, "type");
        if (Text(node, "class") == "FUNCTION" && SandboxFunctions.IsDenied(Text(node, "function_name")))
        {
            throw Refused(analysis, $"the function '{Text(node, "function_name")}' reads files, settings or the server's environment");
        }

        switch (type)
        {
            case "TABLE_FUNCTION":
                var name = node.TryGetProperty("function", out var function) ? Text(function, "function_name") : "";
                if (!SandboxFunctions.IsSafeTableFunction(name))
                {
                    throw Refused(analysis, $"the table function '{name}' is not allowed; queries read catalog tables only");
                }

                break;
            case "BASE_TABLE":
                if (Text(node, "catalog_name").Length > 0)
                {
                    throw Refused(analysis, $"'{Text(node, "catalog_name")}.{Text(node, "schema_name")}.{Text(node, "table_name")}' names a DuckDB catalog; name tables as schema.table");
                }

                tables.Add((Text(node, "schema_name"), Text(node, "table_name")));
                break;
            case "SHOW_REF":
                throw Refused(analysis, "SHOW, DESCRIBE and SUMMARIZE inside a query read DuckDB's own catalog; use SHOW TABLES or DESCRIBE DETAIL s.t");
        }

        if (node.TryGetProperty("cte_map", out var cteMap) && cteMap.TryGetProperty("map", out var map))
        {
            foreach (var entry in map.EnumerateArray())
            {
                ctes.Add(Text(entry, "key"));
            }
        }
    }

    private static void EnsureResolved(string schema, string table, StatementAnalysis analysis)
    {
        var resolved = analysis.Reads.Any(r =>
            string.Equals(r.Name.Name, table, StringComparison.OrdinalIgnoreCase)
            && (schema.Length == 0 || string.Equals(r.Name.Qualifier, schema, StringComparison.OrdinalIgnoreCase)));
        if (!resolved)
        {
            var name = schema.Length == 0 ? table : schema + "." + table;
            throw Refused(analysis, $"DuckDB reads a table '{name}' here that NeuroLake did not find in the statement; name catalog tables as schema.table in FROM or JOIN");
        }
    }

    private static QueryRefusedException Refused(StatementAnalysis analysis, string reason) =>
        new($"Statement {analysis.Statement.Index + 1} ({analysis.Statement.Span}) is refused: {reason}.");

    private static string Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
