using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// Assesses a relation in DuckDB: a row count (skipped when the caller knows it), one aggregate scan for per-column statistics, at most one
/// scan to confirm a two-column key, one scan for robust outlier fences of the measures, and one grouping-sets scan for
/// whole-row duplicates, key duplicates and outliers together.
/// </summary>
public static class QualityAssessor
{
    public static QualityReport Assess(DuckDbConnection connection, QualityRequest request, CancellationToken ct = default)
    {
        using var poller = QueryProgressPoller.Start(request.Progress, IngestionPhase.Profile, connection: connection);
        var relation = request.Relation;
        var all = Describe(connection, relation, ct);
        var pairs = Pairs(request, all);
        var profiled = all.Where(c => !c.Name.StartsWith("_nl_", StringComparison.Ordinal)).ToList();
        var hasFailedFlag = all.Any(c => c.Name == SourceSelect.ParseFailedColumn);

        var rows = request.RowCount ?? SqlValue.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM {relation}", ct));
        var exact = rows <= request.ExactDistinctUpToRows;
        var (columns, failedRows) = ColumnStatistics.Compute(connection, relation, profiled, pairs, hasFailedFlag, rows, exact, ct);

        var key = request.Key?.ToList();
        if (key?.FirstOrDefault(k => profiled.All(c => c.Name != k)) is { } missing)
        {
            throw new IngestionException($"The key column '{missing}' is not in the relation: choose key columns from {string.Join(", ", profiled.Select(c => c.Name))}.");
        }
        var proposed = key is null;
        key ??= KeyProposal.Choose(KeyProposal.Propose(connection, relation, columns, rows, exact, ct), columns, rows);
        columns = RobustFences.Apply(connection, relation, columns, rows, exact, ct);
        var (duplicates, keyDuplicates, outliers) = DuplicateScan.Run(connection, relation, profiled, key, columns, exact, ct);
        columns = columns.Select(c => ColumnStatistics.IsNumericWithFences(c) ? c with { Outliers = outliers[c.Name] } : c).ToList();

        var report = new QualityReport(rows, columns, duplicates, failedRows, key, proposed, keyDuplicates, 100, []);
        return QualityScore.Scored(report);
    }

    internal sealed record RelationColumn(string Name, string Type);

    private static List<RelationColumn> Describe(DuckDbConnection connection, string relation, CancellationToken ct)
    {
        var columns = new List<RelationColumn>();
        using var reader = connection.ExecuteReader($"DESCRIBE SELECT * FROM {relation}", ct);
        while (reader.Read())
        {
            columns.Add(new RelationColumn(reader.GetString(0), reader.GetString(1)));
        }
        return columns;
    }

    private static Dictionary<string, string> Pairs(QualityRequest request, List<RelationColumn> all)
    {
        var names = all.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in all.Where(c => c.Name.StartsWith(SourceSelect.RawPrefix, StringComparison.Ordinal)))
        {
            var parsed = column.Name[SourceSelect.RawPrefix.Length..];
            if (names.Contains(parsed))
            {
                pairs[parsed] = column.Name;
            }
        }
        foreach (var (parsed, raw) in request.ParsePairs ?? new Dictionary<string, string>())
        {
            pairs[parsed] = raw;
        }
        return pairs;
    }
}
