using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// Outlier fences by the modified z-score (Iglewicz and Hoaglin): a value is an outlier when 0.6745 × |x − median| / MAD
/// exceeds 3.5. Strongly right-skewed non-negative measures (rainfall, prices: skewness at least 1 and quartiles leaning
/// right) are judged on ln(1 + x), where their long tail is ordinary. Only <see cref="ColumnSemantic.Measure"/> columns get fences; a MAD of 0 (most values equal) gives none.
/// Above the exact threshold the medians come from a reservoir sample, as MAD holds every value in memory.
/// </summary>
internal static class RobustFences
{
    private const double Threshold = 3.5;
    private const double MadScale = 0.6745;

    /// <summary>Skewness from which a non-negative measure is judged on a log scale, when its quartiles lean the same way.</summary>
    private const double StrongSkew = 1.0;

    /// <summary>Quartile skewness that shows the bulk of the values, not one wild value, leans right.</summary>
    private const double SkewedQuartiles = 0.2;

    private const int SampleRows = 100_000;
    private const int ColumnsPerQuery = 100;

    public static List<ColumnQuality> Apply(
        DuckDbConnection connection, string relation, IReadOnlyList<ColumnQuality> columns, long rows, bool exact, CancellationToken ct)
    {
        var classified = columns.Select(c => c with { Semantic = ColumnSemantics.Classify(c, rows) }).ToList();
        var measures = classified.Where(c => c.Semantic == ColumnSemantic.Measure).ToList();
        var source = exact ? relation : $"(SELECT * FROM {relation} USING SAMPLE reservoir({SampleRows} ROWS) REPEATABLE (7))";
        var spreads = new Dictionary<string, Spread>(StringComparer.Ordinal);
        foreach (var chunk in measures.Chunk(ColumnsPerQuery))
        {
            using var reader = connection.ExecuteReader($"SELECT {string.Join(", ", chunk.Select(c => Aggregate(c.Name)))} FROM {source}", ct);
            reader.Read();
            for (var i = 0; i < chunk.Length; i++)
            {
                if (reader.GetValue(i) is List<object?> { Count: 7 } values)
                {
                    var v = values.Select(SqlValue.ToDouble).ToArray();
                    spreads[chunk[i].Name] = new Spread(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
                }
            }
        }

        return classified.Select(c => spreads.TryGetValue(c.Name, out var spread) ? Fence(c, spread) : c).ToList();
    }

    private static string Aggregate(string name)
    {
        var d = $"CAST({SqlText.Identifier(name)} AS DOUBLE)";
        var log = $"ln(1 + greatest({d}, 0))";
        return $"list_value(median({d}), mad({d}), skewness({d}), quantile_cont({d}, 0.25), quantile_cont({d}, 0.75), " +
               $"median({log}) FILTER (WHERE {d} >= 0), mad({log}) FILTER (WHERE {d} >= 0))";
    }

    private static ColumnQuality Fence(ColumnQuality column, Spread s)
    {
        var reach = Threshold / MadScale;
        var nonNegative = double.TryParse(column.Min, System.Globalization.CultureInfo.InvariantCulture, out var min) && min >= 0;
        if (s.Skewness >= StrongSkew && s.QuartileSkew >= SkewedQuartiles && nonNegative)
        {
            var skewed = column with { Semantic = ColumnSemantic.SkewedMeasure, Skewness = s.Skewness };
            return s.LogMedian is { } lm && s.LogMad is > 0 and { } lmad
                ? skewed with { LowerFence = Math.Exp(lm - reach * lmad) - 1, UpperFence = Math.Exp(lm + reach * lmad) - 1, Outliers = 0 }
                : skewed;
        }

        var measure = column with { Skewness = s.Skewness };
        return s.Median is { } median && s.Mad is > 0 and { } mad && double.IsFinite(mad)
            ? measure with { LowerFence = median - reach * mad, UpperFence = median + reach * mad, Outliers = 0 }
            : measure;
    }

    private sealed record Spread(double? Median, double? Mad, double? Skewness, double? Q1, double? Q3, double? LogMedian, double? LogMad)
    {
        /// <summary>Bowley's (Q1 + Q3 − 2 median) / (Q3 − Q1): unlike the moment skewness, one wild value does not move it.</summary>
        public double QuartileSkew => Q1 is { } q1 && Q3 is { } q3 && Median is { } m && q3 > q1 ? (q1 + q3 - 2 * m) / (q3 - q1) : 0;
    }
}
