using System.Collections.Concurrent;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// DuckDB's parse trees of the advisor's rewrite of each statement, by a key the caller derives from the statement
/// (its literal-blind text): the same key always parses to the same shape, and the advisor re-reads the recent history
/// for every query, so most trees are asked for many times.
/// </summary>
internal static class ParseTreeCache
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, JsonElement?> Trees = new(StringComparer.Ordinal);

    /// <summary>The query node of <paramref name="sql"/> (or of the text first parsed under <paramref name="key"/>), or null when DuckDB cannot serialize it.</summary>
    public static JsonElement? Get(DuckDbDatabase duckDb, string key, string sql)
    {
        if (Trees.TryGetValue(key, out var known))
        {
            return known;
        }

        var tree = Parse(duckDb, sql);
        if (Trees.Count >= Capacity)
        {
            // Bounded without bookkeeping: a cleared cache costs a re-parse per text, as before it existed.
            Trees.Clear();
        }

        Trees[key] = tree;
        return tree;
    }

    private static JsonElement? Parse(DuckDbDatabase duckDb, string sql)
    {
        using var connection = duckDb.Connect();
        using var document = DuckDbSqlTree.Serialize(connection, sql);
        var tree = document.RootElement;
        if (tree.GetProperty("error").GetBoolean() || tree.GetProperty("statements").GetArrayLength() != 1)
        {
            return null;
        }

        return tree.GetProperty("statements")[0].GetProperty("node").Clone();
    }
}
