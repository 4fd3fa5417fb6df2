using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Tests.Tables;

/// <summary>Small helpers to read query answers in tests.</summary>
internal static class SqlProbe
{
    public static long Long(DuckDbDatabase db, string sql) => Row(db, sql).EnumerateObject().First().Value.GetInt64();

    public static JsonElement Row(DuckDbDatabase db, string sql) => Rows(db, sql).Single();

    public static List<JsonElement> Rows(DuckDbDatabase db, string sql)
    {
        using var connection = db.Connect();
        connection.Execute("SET TimeZone = 'UTC'");
        return DuckDbRows.QueryJson(connection, sql).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }
}
