using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Web.Components.Pages.Quality;

namespace NeuroLake.Tests.Web.Quality;

public sealed class QualityHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private static readonly QualityMeasurement[] Measurements =
    [
        new(null, Monday.AddDays(1), 1, RowCount: 120, Checks: [new("quality_score", false, "72/100 (-20: 2.0% of values are null on average; most in 'cost' (12.5%); -8: 3 duplicate rows)"), new("no_duplicate_rows", false, "3 duplicate row(s)")]),
        new("cost", Monday.AddDays(1), 1, 120, NullPercent: 12.5, DistinctCount: 80),
        new("name", Monday.AddDays(1), 1, 120, NullPercent: 0, DistinctCount: 118),
        new(null, Monday, 0, RowCount: 100, Checks: [new("quality_score", true, "100/100 (no deductions)")]),
        new("cost", Monday, 0, 100, NullPercent: 10, DistinctCount: 70),
    ];

    [Fact]
    public void Row_count_is_one_line_over_time_oldest_first()
    {
        var rows = new QualityHistory(Measurements).Figures(byVersion: false, TimeZoneInfo.Utc).Single(f => f.Id == "row-count");

        var series = Assert.Single(rows.Series);
        Assert.Equal(["2026-11-16 09:00:00", "2026-11-17 09:00:00"], series.X);
        Assert.Equal([100.0, 120.0], series.Y);
        Assert.True(rows.YCounts);
    }

    [Fact]
    public void Times_are_the_users_with_the_offset_in_the_hover_text()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var series = new QualityHistory(Measurements).Figures(byVersion: false, tokyo).Single(f => f.Id == "row-count").Series.Single();

        Assert.Equal(["2026-11-16 18:00:00", "2026-11-17 18:00:00"], series.X);
        Assert.Equal("rows: 100 (version 0, 2026-11-16 18:00 +09:00)", series.Hover[0]);
    }

    [Fact]
    public void Null_percent_and_distinct_counts_have_a_line_per_column_by_version()
    {
        var figures = new QualityHistory(Measurements).Figures(byVersion: true, TimeZoneInfo.Utc);

        var nulls = figures.Single(f => f.Id == "null-percent");
        Assert.Equal(["cost", "name"], nulls.Series.Select(s => s.Name));
        Assert.Equal([0L, 1L], nulls.Series[0].X);
        Assert.Equal([10.0, 12.5], nulls.Series[0].Y);
        Assert.Equal([118.0], figures.Single(f => f.Id == "distinct-count").Series.Single(s => s.Name == "name").Y);
        Assert.Contains("version 1", nulls.Series[0].Hover[1]);
        Assert.False(nulls.YCounts);
    }

    [Fact]
    public void The_latest_checks_give_the_score_and_its_reasons()
    {
        var history = new QualityHistory(Measurements);

        Assert.Equal(["quality_score", "no_duplicate_rows"], history.LatestChecks.Select(c => c.Name));
        Assert.Equal(72, history.Score);
        Assert.Equal(["-20: 2.0% of values are null on average; most in 'cost' (12.5%)", "-8: 3 duplicate rows"], history.ScoreReasons);
    }

    [Fact]
    public void A_perfect_score_has_no_reasons_and_no_measurements_mean_empty()
    {
        var perfect = new QualityHistory(Measurements.Where(m => m.TableVersion == 0).ToList());

        Assert.Equal((100, 0), (perfect.Score, perfect.ScoreReasons.Count));
        Assert.True(new QualityHistory([]).IsEmpty);
        Assert.Null(new QualityHistory([]).Score);
    }

    [Fact]
    public void A_measurement_with_stored_deductions_and_findings_gives_both_apart_and_a_score_point_per_version()
    {
        var scored = new QualityMeasurement(null, Monday.AddDays(2), 3, RowCount: 118, Score: 85,
            Deductions: [new QualityDeduction(15, "2 rows repeat the key (id) of an earlier row: deduplicate on the key")],
            Findings: [new QualityFinding("cost", "outliers", "1 value(s) lie far from the rest")]);
        var history = new QualityHistory([.. Measurements, scored]);

        Assert.Equal(85, history.Score);
        Assert.Equal([new QualityDeduction(15, "2 rows repeat the key (id) of an earlier row: deduplicate on the key")], history.Deductions);
        Assert.Equal("cost", Assert.Single(history.Findings).Column);
        var score = history.Figures(byVersion: true, TimeZoneInfo.Utc).Single(f => f.Id == "score").Series.Single();
        Assert.Equal([0L, 1L, 3L], score.X);
        Assert.Equal([100.0, 72.0, 85.0], score.Y);
        // Older measurements without stored deductions are read back from their score check.
        Assert.Equal([20, 8], new QualityHistory(Measurements).Deductions.Select(d => d.Points));
        Assert.Empty(new QualityHistory(Measurements).Findings);
    }
}
