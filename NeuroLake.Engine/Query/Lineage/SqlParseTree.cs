using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>DuckDB's own parse tree of a SELECT, from <c>json_serialize_sql</c>, so lineage follows DuckDB's grammar exactly.</summary>
internal static class SqlParseTree
{
    /// <summary>The query node (<c>SELECT_NODE</c>, <c>SET_OPERATION_NODE</c> ...) of a single SELECT statement.</summary>
    /// <exception cref="LineageException">DuckDB cannot parse <paramref name="select"/> as one SELECT.</exception>
    public static JsonElement Parse(DuckDbDatabase duckDb, string select)
    {
        using var connection = duckDb.Connect();
        using var document = DuckDbSqlTree.Serialize(connection, select);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True)
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "unknown error";
            throw new LineageException($"DuckDB could not parse the query for lineage: {message}.");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw new LineageException($"Lineage expects one SELECT, got {statements.GetArrayLength()} statements.");
        }

        return statements[0].GetProperty("node").Clone();
    }
}
