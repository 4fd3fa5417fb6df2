using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// Proposes a key: the single column that is unique and non-null (id-like names first, then narrow types),
/// else the first such pair among the most distinct non-null columns, confirmed with exact distinct counts
/// (for relations above the exact threshold, with GROUP BYs that spill to disk rather than in-memory DISTINCT).
/// </summary>
internal static class KeyProposal
{
    private const int PairCandidates = 4;

    /// <summary>Share of non-null values an id-named column must have distinct to be taken as the intended key.</summary>
    private const double IntendedDistinctShare = 0.9;

    public static List<string> Propose(DuckDbConnection connection, string relation, IReadOnlyList<ColumnQuality> columns, long rows, bool exact, CancellationToken ct)
    {
        if (rows == 0)
        {
            return [];
        }
        var candidates = columns
            .Where(c => c.NullCount == 0 && ColumnKind.IsOrderable(c.DuckDbType) && c.DuckDbType is not ("DOUBLE" or "FLOAT" or "BOOLEAN"))
            .OrderByDescending(c => IdLikeness(c.Name))
            .ThenBy(c => Width(c.DuckDbType))
            .ToList();
        var singles = candidates.Where(c => exact ? c.DistinctCount == rows : c.DistinctCount >= rows * 0.97).ToList();
        foreach (var single in singles)
        {
            if (exact || Unique(connection, relation, [single.Name], rows, ct))
            {
                return [single.Name];
            }
        }
        var top = candidates.OrderByDescending(c => IdLikeness(c.Name)).ThenByDescending(c => c.DistinctCount).Take(PairCandidates).ToList();
        var pairs = new List<string[]>();
        for (var a = 0; a < top.Count; a++)
        {
            for (var b = a + 1; b < top.Count; b++)
            {
                pairs.Add([top[a].Name, top[b].Name]);
            }
        }
        if (pairs.Count == 0)
        {
            return [];
        }
        if (!exact)
        {
            // Large relations: one spilling GROUP BY per pair instead of DISTINCT counts held in memory.
            return pairs.FirstOrDefault(p => Unique(connection, relation, p, rows, ct))?.ToList() ?? [];
        }
        var counts = pairs.Select(p => $"count(DISTINCT ({string.Join(", ", p.Select(SqlText.Identifier))}))");
        using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", counts)} FROM {relation}", ct);
        reader.Read();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (SqlValue.ToInt64(reader.GetValue(i)) == rows)
            {
                return [.. pairs[i]];
            }
        }
        return [];
    }

    /// <summary>
    /// The proposed key, unless it is only an accidentally unique column (a name, a timestamp) while a column named as the key
    /// exists: then that column, whose nulls and duplicates become faults to fix.
    /// </summary>
    public static List<string> Choose(List<string> proposed, IReadOnlyList<ColumnQuality> columns, long rows) =>
        proposed.Any(c => IdLikeness(c) > 0) || Intended(columns, rows) is not { Count: > 0 } intended ? proposed : intended;

    /// <summary>
    /// When no key holds, a column named plainly as one (<c>id</c>, <c>uuid</c>, <c>order_id</c>…) whose values are mostly
    /// distinct was meant to be the key: its nulls and duplicates are then faults to fix, not a reason to have no key.
    /// </summary>
    private static List<string> Intended(IReadOnlyList<ColumnQuality> columns, long rows) =>
        columns.Where(c => IdLikeness(c.Name) == 2 && ColumnKind.IsOrderable(c.DuckDbType) && rows - c.NullCount > 0
                           && c.DistinctCount >= IntendedDistinctShare * (rows - c.NullCount))
            .OrderByDescending(c => c.DistinctCount)
            .Take(1)
            .Select(c => c.Name)
            .ToList();

    /// <summary>Whether <paramref name="key"/> is unique, counted by a GROUP BY, which DuckDB spills to disk past its memory limit.</summary>
    private static bool Unique(DuckDbConnection connection, string relation, string[] key, long rows, CancellationToken ct) =>
        SqlValue.ToInt64(connection.ExecuteScalar(
            $"SELECT count(*) FROM (SELECT 1 FROM {relation} GROUP BY {string.Join(", ", key.Select(SqlText.Identifier))})", ct)) == rows;

    /// <summary>2 for id/key/uuid names, 1 for codes and numbers, 0 otherwise.</summary>
    internal static int IdLikeness(string name)
    {
        var tokens = NameTokens.Of(name);
        if (tokens.Length == 0)
        {
            return 0;
        }
        var last = tokens[^1];
        return last is "id" or "key" or "uuid" or "guid" or "pk" ? 2
            : last is "code" or "no" or "number" or "num" or "iata" or "sku" ? 1
            : 0;
    }

    private static int Width(string type) => type switch
    {
        "TINYINT" or "UTINYINT" or "SMALLINT" or "USMALLINT" => 1,
        "INTEGER" or "UINTEGER" or "DATE" => 2,
        "BIGINT" or "UBIGINT" or "TIMESTAMP" => 3,
        "UUID" or "HUGEINT" => 4,
        _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => 4,
        _ => 5,
    };
}
