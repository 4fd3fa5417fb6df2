using NeuroLake.Engine.DuckDb;
using static NeuroLake.Engine.Ingestion.Quality.QualityAssessor;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>Nulls, distinct counts, min/max and parse failures of every column, in one aggregate per 200 columns (outlier fences: <see cref="RobustFences"/>).</summary>
internal static class ColumnStatistics
{
    /// <summary>Columns per aggregate: one scan for ordinary tables, a few for very wide ones, which DuckDB plans far faster than one huge SELECT.</summary>
    private const int ColumnsPerQuery = 200;

    public static (List<ColumnQuality> Columns, long FailedRows) Compute(
        DuckDbConnection connection, string relation, List<RelationColumn> columns, Dictionary<string, string> pairs,
        bool hasFailedFlag, long rows, bool exact, CancellationToken ct)
    {
        var result = new List<ColumnQuality>(columns.Count);
        long failedRows = 0;
        var chunks = columns.Chunk(ColumnsPerQuery).DefaultIfEmpty([]);
        var firstChunk = true;
        foreach (var chunk in chunks)
        {
            var parts = new List<string>
            {
                firstChunk && hasFailedFlag ? $"count_if({Schema.SourceSelect.ParseFailedColumn})" : "0",
            };
            foreach (var column in chunk)
            {
                parts.AddRange(Aggregates(column, pairs, exact));
            }
            using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", parts)} FROM {relation}", ct);
            reader.Read();
            if (firstChunk)
            {
                failedRows = SqlValue.ToInt64(reader.GetValue(0));
                firstChunk = false;
            }
            for (var i = 0; i < chunk.Length; i++)
            {
                result.Add(Read(reader, 1 + i * 5, chunk[i], rows, exact));
            }
        }
        return (result, failedRows);
    }

    private static IEnumerable<string> Aggregates(RelationColumn column, Dictionary<string, string> pairs, bool exact)
    {
        var c = SqlText.Identifier(column.Name);
        yield return $"count({c})";
        yield return exact ? $"count(DISTINCT {c})" : $"approx_count_distinct({c})";
        yield return ColumnKind.IsOrderable(column.Type) ? $"CAST(min({c}) AS VARCHAR)" : "NULL";
        yield return ColumnKind.IsOrderable(column.Type) ? $"CAST(max({c}) AS VARCHAR)" : "NULL";
        yield return pairs.TryGetValue(column.Name, out var raw)
            ? $"count_if({SqlText.Identifier(raw)} IS NOT NULL AND {c} IS NULL)"
            : "0";
    }

    private static ColumnQuality Read(DuckDbDataReader reader, int at, RelationColumn column, long rows, bool exact)
    {
        var nonNull = SqlValue.ToInt64(reader.GetValue(at));
        var nulls = rows - nonNull;
        return new ColumnQuality(
            column.Name,
            column.Type,
            nulls,
            rows == 0 ? 0 : 100.0 * nulls / rows,
            SqlValue.ToInt64(reader.GetValue(at + 1)),
            !exact,
            reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2),
            reader.IsDBNull(at + 3) ? null : reader.GetString(at + 3),
            SqlValue.ToInt64(reader.GetValue(at + 4)),
            null,
            null,
            null);
    }

    public static bool IsNumericWithFences(ColumnQuality column) => column.LowerFence is not null;
}
