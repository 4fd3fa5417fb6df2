using NeuroLake.Engine.DuckDb;
using static NeuroLake.Engine.Ingestion.Quality.QualityAssessor;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// Whole-row duplicates, key duplicates and outliers in one scan: GROUPING SETS over (all columns),
/// (key) and () — the grand total carries the outlier counts.
/// </summary>
internal static class DuplicateScan
{
    public static (long Duplicates, long KeyDuplicates, Dictionary<string, long> Outliers) Run(
        DuckDbConnection connection, string relation, List<RelationColumn> columns, IReadOnlyList<string> key,
        IReadOnlyList<ColumnQuality> statistics, bool exact, CancellationToken ct)
    {
        var outliers = new Dictionary<string, long>(StringComparer.Ordinal);
        if (columns.Count == 0)
        {
            return (0, 0, outliers);
        }
        var all = string.Join(", ", columns.Select(c => SqlText.Identifier(c.Name)));
        var keyList = string.Join(", ", key.Select(SqlText.Identifier));
        var outside = columns.FirstOrDefault(c => !key.Contains(c.Name));
        var fenced = statistics.Where(ColumnStatistics.IsNumericWithFences).ToList();
        if (!exact)
        {
            return RunSpilling(connection, relation, all, key.Count == 0 ? null : outside is null ? all : keyList, fenced, ct);
        }

        string sets, tag;
        int allTag, keyTag, grandTag;
        if (key.Count > 0 && outside is not null)
        {
            sets = $"({all}), ({keyList}), ()";
            tag = $"GROUPING({SqlText.Identifier(outside.Name)}) * 2 + GROUPING({SqlText.Identifier(key[0])})";
            (allTag, keyTag, grandTag) = (0, 2, 3);
        }
        else
        {
            // No key, or the key is every column: key duplicates are whole-row duplicates.
            sets = $"({all}), ()";
            tag = $"GROUPING({SqlText.Identifier(columns[0].Name)})";
            (allTag, keyTag, grandTag) = (0, key.Count > 0 ? 0 : -1, 1);
        }
        var inner = fenced.Select((c, i) =>
            $"count_if(CAST({SqlText.Identifier(c.Name)} AS DOUBLE) < {SqlText.Number(c.LowerFence!.Value)} OR CAST({SqlText.Identifier(c.Name)} AS DOUBLE) > {SqlText.Number(c.UpperFence!.Value)}) AS o{i}");
        var outer = fenced.Select((_, i) => $"sum(o{i})");
        var sql = $"SELECT tag, sum(n - 1){string.Concat(outer.Select(o => ", " + o))} FROM (" +
                  $"SELECT {tag} AS tag, count(*) AS n{string.Concat(inner.Select(o => ", " + o))} FROM {relation} GROUP BY GROUPING SETS ({sets})" +
                  ") GROUP BY tag";
        long duplicates = 0, keyDuplicates = 0;
        using var reader = connection.ExecuteReader(sql, ct);
        while (reader.Read())
        {
            var t = (int)SqlValue.ToInt64(reader.GetValue(0));
            var extra = SqlValue.ToInt64(reader.GetValue(1));
            if (t == allTag)
            {
                duplicates = extra;
            }
            if (t == keyTag)
            {
                keyDuplicates = extra;
            }
            if (t == grandTag)
            {
                for (var i = 0; i < fenced.Count; i++)
                {
                    outliers[fenced[i].Name] = SqlValue.ToInt64(reader.GetValue(2 + i));
                }
            }
        }
        return (duplicates, keyDuplicates, outliers);
    }

    /// <summary>
    /// For relations above the exact threshold: GROUPING SETS keep every group of every set in memory, while DuckDB
    /// spills a plain GROUP BY to disk, so each count gets a scan of its own and memory stays within DuckDB's limit.
    /// </summary>
    private static (long Duplicates, long KeyDuplicates, Dictionary<string, long> Outliers) RunSpilling(
        DuckDbConnection connection, string relation, string all, string? keyList, List<ColumnQuality> fenced, CancellationToken ct)
    {
        // Grouping on the rows' 64-bit hash keeps each group small enough to spill; a collision among even a billion
        // distinct rows is unlikely (about 3%), and would only count one duplicate too many.
        long Extra(string groupBy) => SqlValue.ToInt64(connection.ExecuteScalar(
            $"SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM {relation} GROUP BY hash({groupBy}))", ct));

        var duplicates = Extra(all);
        var keyDuplicates = keyList is null ? 0 : keyList == all ? duplicates : Extra(keyList);
        var outliers = new Dictionary<string, long>(StringComparer.Ordinal);
        if (fenced.Count > 0)
        {
            var counts = fenced.Select(c =>
                $"count_if(CAST({SqlText.Identifier(c.Name)} AS DOUBLE) < {SqlText.Number(c.LowerFence!.Value)} OR CAST({SqlText.Identifier(c.Name)} AS DOUBLE) > {SqlText.Number(c.UpperFence!.Value)})");
            using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", counts)} FROM {relation}", ct);
            reader.Read();
            for (var i = 0; i < fenced.Count; i++)
            {
                outliers[fenced[i].Name] = SqlValue.ToInt64(reader.GetValue(i));
            }
        }

        return (duplicates, keyDuplicates, outliers);
    }
}
