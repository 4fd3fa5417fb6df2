using System.Globalization;
using NeuroLake.Engine.Catalog.Quality;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>What is worth knowing about a relation but costs the score nothing: outliers, skew, many nulls outside the key, constant columns, no key.</summary>
internal static class QualityFindings
{
    /// <summary>Null share (percent) from which a column outside the key is mentioned.</summary>
    private const double ManyNulls = 20;

    public static List<QualityFinding> Of(QualityReport report)
    {
        var findings = new List<QualityFinding>();
        if (report.RowCount == 0)
        {
            return findings;
        }

        foreach (var column in report.Columns)
        {
            if (column.Outliers is > 0)
            {
                var scale = column.Semantic == ColumnSemantic.SkewedMeasure ? " on a log scale" : "";
                findings.Add(new QualityFinding(column.Name, "outliers", Text(
                    $"{column.Outliers} value(s){report.SampleNote} lie far from the rest{scale} (below {column.LowerFence:G4} or above {column.UpperFence:G4}; modified z-score over 3.5): worth a look, not necessarily wrong")));
            }

            if (column.Semantic == ColumnSemantic.SkewedMeasure)
            {
                findings.Add(new QualityFinding(column.Name, "skew", Text(
                    $"strongly right-skewed (skewness {column.Skewness:F1}): a long tail of large values is normal here, so outliers are judged on a log scale")));
            }

            if (column.DistinctCount == 1 && report.RowCount > 1)
            {
                findings.Add(new QualityFinding(column.Name, "constant", $"holds one value ('{column.Min}') in every non-null row: it tells rows apart not at all"));
            }

            if (column.NullPercent >= ManyNulls && !report.Key.Contains(column.Name))
            {
                findings.Add(new QualityFinding(column.Name, "nulls", Text($"{column.NullPercent:F1}% of its values are null")));
            }
        }

        if (report.Key.Count == 0)
        {
            findings.Add(new QualityFinding(null, "no_key", "no column or pair of columns is unique and non-null, so rows cannot be told apart: declare a key if each row should be unique"));
        }

        return findings;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
