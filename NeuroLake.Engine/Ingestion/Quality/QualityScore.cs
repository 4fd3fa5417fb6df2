using System.Globalization;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// The score starts at 100 and loses, each rounded to the nearest point and capped: nulls 30 × the mean null share of the
/// columns (cap 30); parse failures 300 × the share of rows with a failure (cap 30); whole-row duplicates
/// 100 × their share (cap 20); key duplicates 100 × their share (cap 15) or 5 when no key was found;
/// outliers 100 × their share of numeric values (cap 10). An empty relation scores 0.
/// </summary>
internal static class QualityScore
{
    public static List<QualityDeduction> Deductions(QualityReport report)
    {
        var deductions = new List<QualityDeduction>();
        if (report.RowCount == 0)
        {
            deductions.Add(new QualityDeduction(100, "the relation has no rows"));
            return deductions;
        }
        double rows = report.RowCount;
        if (report.Columns.Count > 0)
        {
            var meanNull = report.Columns.Average(c => c.NullCount / rows);
            var worst = report.Columns.MaxBy(c => c.NullCount)!;
            Add(deductions, 30 * meanNull, 30,
                string.Create(CultureInfo.InvariantCulture, $"{100 * meanNull:F1}% of values are null on average; most in '{worst.Name}' ({worst.NullPercent:F1}%)"));
        }
        var failedRows = report.RowsWithParseFailures > 0
            ? report.RowsWithParseFailures
            : report.Columns.Select(c => c.ParseFailures).DefaultIfEmpty(0).Max();
        if (failedRows > 0)
        {
            var columns = string.Join(", ", report.Columns.Where(c => c.ParseFailures > 0).Select(c => $"'{c.Name}' ({c.ParseFailures})"));
            Add(deductions, 300 * failedRows / rows, 30, $"{failedRows} rows have values that did not parse: {columns}");
        }
        Add(deductions, 100 * report.DuplicateRows / rows, 20, $"{report.DuplicateRows} rows duplicate an earlier row");
        if (report.Key.Count == 0)
        {
            deductions.Add(new QualityDeduction(5, "no column or pair of columns is unique and non-null, so rows cannot be told apart"));
        }
        else if (!report.KeyIsProposed || report.KeyDuplicateRows > 0)
        {
            Add(deductions, 100 * report.KeyDuplicateRows / rows, 15,
                $"{report.KeyDuplicateRows} rows repeat the key ({string.Join(", ", report.Key)}) of an earlier row");
        }
        var numeric = report.Columns.Where(c => c.Outliers is not null).ToList();
        var values = numeric.Sum(c => report.RowCount - c.NullCount);
        var outliers = numeric.Sum(c => c.Outliers!.Value);
        if (values > 0)
        {
            var most = numeric.MaxBy(c => c.Outliers!.Value)!;
            Add(deductions, 100.0 * outliers / values, 10, $"{outliers} numeric values lie outside the IQR fences; most in '{most.Name}' ({most.Outliers})");
        }
        return deductions.OrderByDescending(d => d.Points).ToList();
    }

    private static void Add(List<QualityDeduction> deductions, double points, int cap, string reason)
    {
        var rounded = (int)Math.Min(cap, Math.Round(points, MidpointRounding.AwayFromZero));
        if (rounded > 0)
        {
            deductions.Add(new QualityDeduction(rounded, reason));
        }
    }
}
