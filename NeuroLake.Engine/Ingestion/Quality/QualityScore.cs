using NeuroLake.Engine.Catalog.Quality;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>
/// The score starts at 100 and loses points only for what a user must act on: each problem present costs 5, plus, rounded
/// and capped, parse failures 300 × the share of rows with one (cap 30); whole-row duplicates 100 × their share (cap 20);
/// rows without a key value 100 × their share (cap 15); key duplicates 100 × their share (cap 15). Outliers, skew, nulls
/// outside the key and constant columns are <see cref="QualityFindings"/>: they cost nothing. An empty relation scores 0.
/// </summary>
internal static class QualityScore
{
    private const int Present = 5;

    /// <summary>The report with its score, deductions and findings worked out from its figures.</summary>
    public static QualityReport Scored(QualityReport report)
    {
        var deductions = Deductions(report);
        return report with
        {
            Score = Math.Max(0, 100 - deductions.Sum(d => d.Points)),
            Deductions = deductions,
            Findings = QualityFindings.Of(report),
        };
    }

    public static List<QualityDeduction> Deductions(QualityReport report)
    {
        var deductions = new List<QualityDeduction>();
        if (report.RowCount == 0)
        {
            deductions.Add(new QualityDeduction(100, "the relation has no rows: check the source holds data and the header and delimiter are right"));
            return deductions;
        }

        double rows = report.RowCount;
        var failedRows = report.RowsWithParseFailures > 0
            ? report.RowsWithParseFailures
            : report.Columns.Select(c => c.ParseFailures).DefaultIfEmpty(0).Max();
        if (failedRows > 0)
        {
            var columns = string.Join(", ", report.Columns.Where(c => c.ParseFailures > 0).Select(c => $"'{c.Name}' ({c.ParseFailures})"));
            Add(deductions, failedRows, 300 * failedRows / rows, 30,
                $"{failedRows} rows have values that did not parse: {columns}. Correct them in the source, or change the column's type to one that fits them");
        }

        // Duplicates are counted where the rows were read: the sample's share, not the table's, when sampled.
        double sampled = report.SampledRows ?? report.RowCount;
        var note = report.SampleNote;
        Add(deductions, report.DuplicateRows, 100 * report.DuplicateRows / sampled, 20,
            $"{report.DuplicateRows} rows{note} duplicate an earlier row exactly: remove the copies (e.g. SELECT DISTINCT) or fix the export that repeats them");
        var key = string.Join(", ", report.Key);
        var keyless = report.Columns.Where(c => report.Key.Contains(c.Name)).Select(c => c.NullCount).DefaultIfEmpty(0).Max();
        Add(deductions, keyless, 100 * keyless / rows, 15,
            $"{keyless} rows have no value in the key ({key}): fill the key in those rows or drop them, since they cannot be told apart");
        Add(deductions, report.KeyDuplicateRows, 100 * report.KeyDuplicateRows / sampled, 15,
            $"{report.KeyDuplicateRows} rows{note} repeat the key ({key}) of an earlier row: deduplicate on the key, or choose a key that identifies each row");
        return deductions.OrderByDescending(d => d.Points).ToList();
    }

    private static void Add(List<QualityDeduction> deductions, long count, double points, int cap, string reason)
    {
        if (count > 0)
        {
            // A problem to fix costs something however rare it is, so 100 means nothing to fix and any fix shows in the score.
            var rounded = (int)Math.Min(cap, Present + Math.Round(points, MidpointRounding.AwayFromZero));
            deductions.Add(new QualityDeduction(rounded, reason));
        }
    }
}
