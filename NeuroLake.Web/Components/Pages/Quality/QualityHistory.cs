using System.Globalization;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Catalog.Quality;

namespace NeuroLake.Web.Components.Pages.Quality;

/// <summary>One line of a chart: x values (times as ISO text in the user's zone, or versions) and y values.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<object> X, IReadOnlyList<double> Y, IReadOnlyList<string> Hover);

/// <summary>A chart: title, y-axis title, its lines, and whether y values are counts (whole-number ticks only).</summary>
public sealed record ChartFigure(string Id, string Title, string YTitle, IReadOnlyList<ChartSeries> Series, bool YCounts);

/// <summary>
/// A table's quality measurements shaped for the quality tab: row count, null % and distinct count per column as
/// charts over time or table version, the latest checks, and the overall score with its reasons.
/// </summary>
public sealed partial class QualityHistory
{
    private readonly IReadOnlyList<QualityMeasurement> _measurements;

    public QualityHistory(IReadOnlyList<QualityMeasurement> measurements) =>
        _measurements = measurements.OrderBy(m => m.MeasuredAt).ThenBy(m => m.TableVersion).ToList();

    public bool IsEmpty => _measurements.Count == 0;

    /// <summary>The checks of the newest table-level measurement that has any.</summary>
    public IReadOnlyList<QualityCheckResult> LatestChecks =>
        _measurements.LastOrDefault(m => m.Column is null && m.Checks is { Count: > 0 })?.Checks ?? [];

    /// <summary>The overall score (0–100) of the latest scored measurement; null when never scored.</summary>
    public int? Score => LatestScored is { } latest ? Scored(latest) : null;

    /// <summary>What the latest score deducted points for (measurements older than findings: read back from their score check).</summary>
    public IReadOnlyList<QualityDeduction> Deductions => LatestScored?.Deductions
        ?? ScoreReasons.Select(r => DeductionShape().Match(r) is { Success: true } m
            ? new QualityDeduction(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value)
            : new QualityDeduction(0, r)).ToList();

    /// <summary>The latest informational findings, apart from the score; none for measurements older than findings.</summary>
    public IReadOnlyList<QualityFinding> Findings => LatestScored?.Findings ?? [];

    /// <summary>The newest table-level measurement with a score (stored, or in its score check).</summary>
    private QualityMeasurement? LatestScored => _measurements.LastOrDefault(m => m.Column is null && Scored(m) is not null);

    /// <summary>Each table-level measurement, oldest first: its version, time, row count and score (null when it was not scored).</summary>
    public IReadOnlyList<QualityScorePoint> ScoreHistory =>
        _measurements.Where(m => m.Column is null).Select(m => new QualityScorePoint(m.TableVersion, m.MeasuredAt, m.RowCount, m.Score ?? ScoreIn(m.Checks ?? []))).ToList();

    /// <summary>The newest measurement of each column, by column name.</summary>
    public IReadOnlyList<QualityMeasurement> LatestProfile =>
        _measurements.Where(m => m.Column is not null).GroupBy(m => m.Column!, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(m => m.Column, StringComparer.Ordinal).ToList();

    private static int? ScoreIn(IReadOnlyList<QualityCheckResult> checks) =>
        checks.FirstOrDefault(c => c.Name == "quality_score") is { } check && ScoreShape().Match(check.Detail) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Why the latest score is what it is, one reason per item (empty when nothing was deducted).</summary>
    public IReadOnlyList<string> ScoreReasons => LatestScored is { Deductions: { } deductions }
        ? deductions.Select(d => $"-{d.Points}: {d.Reason}").ToList()
        : ScoreCheck is { } check && ScoreShape().Match(check.Detail) is { Success: true } match
        ? DeductionStart().Split(match.Groups[2].Value).Where(r => r.Length > 0 && r != "no deductions").ToList()
        : [];

    /// <summary>The charts (score, rows, null %, distinct values), x by measurement time (in <paramref name="zone"/>) or by table version.</summary>
    public IReadOnlyList<ChartFigure> Figures(bool byVersion, TimeZoneInfo zone) =>
    [
        new("score", "Quality score", "score", [Series("score", _measurements.Where(m => m.Column is null && Scored(m) is not null), m => Scored(m)!.Value, byVersion, zone)], YCounts: true),
        new("row-count", "Row count", "rows", [Series("rows", _measurements.Where(m => m.Column is null && m.RowCount is not null), m => m.RowCount!.Value, byVersion, zone)], YCounts: true),
        new("null-percent", "Null % per column", "null %", PerColumn(m => m.NullPercent, byVersion, zone), YCounts: false),
        new("distinct-count", "Distinct values per column", "distinct", PerColumn(m => m.DistinctCount, byVersion, zone), YCounts: true),
    ];

    private static int? Scored(QualityMeasurement m) => m.Score ?? ScoreIn(m.Checks ?? []);

    private QualityCheckResult? ScoreCheck => LatestScored?.Checks?.FirstOrDefault(c => c.Name == "quality_score");

    private List<ChartSeries> PerColumn(Func<QualityMeasurement, double?> value, bool byVersion, TimeZoneInfo zone) =>
        _measurements.Where(m => m.Column is not null && value(m) is not null)
            .GroupBy(m => m.Column!, StringComparer.Ordinal)
            .Select(g => Series(g.Key, g, m => value(m)!.Value, byVersion, zone))
            .ToList();

    private static ChartSeries Series(string name, IEnumerable<QualityMeasurement> points, Func<QualityMeasurement, double> value, bool byVersion, TimeZoneInfo zone)
    {
        var list = points.ToList();
        return new ChartSeries(
            name,
            list.Select(m => byVersion ? (object)m.TableVersion : Local(m, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).ToList(),
            list.Select(value).ToList(),
            list.Select(m => string.Create(CultureInfo.InvariantCulture, $"{name}: {value(m):0.##} (version {m.TableVersion}, {Local(m, zone):yyyy-MM-dd HH:mm zzz})")).ToList());
    }

    private static DateTimeOffset Local(QualityMeasurement m, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(m.MeasuredAt, zone);

    [GeneratedRegex(@"^-(\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex DeductionShape();

    [GeneratedRegex(@"^(\d+)/100 \((.*)\)$")]
    private static partial Regex ScoreShape();

    /// <summary>Deductions are joined with "; ", but a reason may hold "; " too: split only where the next one starts ("-5: ").</summary>
    [GeneratedRegex(@"; (?=-\d+: )")]
    private static partial Regex DeductionStart();
}
