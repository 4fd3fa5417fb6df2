using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query;

/// <summary>DuckDB's own parse tree of SQL text (<c>json_serialize_sql</c>), shared by the sandbox, lineage and the advisor.</summary>
internal static class DuckDbSqlTree
{
    /// <summary>The serialized tree: <c>{"error": false, "statements": [...]}</c>, or DuckDB's <c>error_*</c> fields.</summary>
    public static JsonDocument Serialize(DuckDbConnection connection, string sql)
    {
        using var serialize = connection.Prepare("SELECT json_serialize_sql($1::VARCHAR)");
        serialize.Bind(1, sql);
        var json = serialize.ExecuteScalar() as string ?? "{\"error\":true,\"error_message\":\"DuckDB returned no parse tree\"}";
        // The tree nests a few levels per SQL level; the SQL's own nesting is limited when it is split.
        return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 4096 });
    }
}
