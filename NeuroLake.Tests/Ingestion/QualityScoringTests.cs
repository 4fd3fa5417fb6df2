using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Tests.DuckDb;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Ingestion;

/// <summary>The score deducts only for what a user must fix; spread that is normal for a column's meaning is not an outlier.</summary>
public sealed class QualityScoringTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();

    [Fact]
    public void Longitudes_flags_skewed_rainfall_and_ids_cost_nothing_and_raise_no_outliers()
    {
        // Longitudes spread over the globe, a 0/1 flag mostly 0, rainfall mostly dry with rare downpours, sequential ids.
        _db.Connection.Execute("""
            CREATE TABLE weather AS SELECT
                range + 1 AS station_id,
                CASE WHEN range % 50 = 0 THEN 179.5 WHEN range % 50 = 1 THEN -179.9 ELSE 2 + (range % 7) * 0.1 END AS longitude,
                CASE WHEN range % 40 = 0 THEN 1 ELSE 0 END AS is_coastal,
                CASE WHEN range % 3 = 0 THEN 0.0 ELSE round(exp((range * 7919 % 1000) / 1000.0 * 5), 1) END AS rainfall_mm
            FROM range(2000)
            """);

        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("weather"));

        Assert.Empty(report.Deductions);
        Assert.Equal(100, report.Score);
        Assert.Equal(ColumnSemantic.Coordinate, report["longitude"].Semantic);
        Assert.Equal(ColumnSemantic.Flag, report["is_coastal"].Semantic);
        Assert.Equal(ColumnSemantic.Identifier, report["station_id"].Semantic);
        Assert.Equal(ColumnSemantic.SkewedMeasure, report["rainfall_mm"].Semantic);
        Assert.All(new[] { "longitude", "is_coastal", "station_id", "rainfall_mm" }, c => Assert.True(report[c].Outliers is null or 0, $"{c} has outliers"));
        Assert.Contains(report.Findings, f => f is { Column: "rainfall_mm", Kind: "skew" });
        Assert.DoesNotContain(report.Findings, f => f.Kind == "outliers");
    }

    [Fact]
    public void Plain_iqr_would_flag_the_rainfall_tail_but_the_log_scale_does_not_while_a_real_outlier_is_still_found()
    {
        // Quartile fences on the raw values would cut the rainfall tail; a misplaced decimal point in a price still stands out.
        _db.Connection.Execute("""
            CREATE TABLE sales AS SELECT range AS line,
                round(exp((range * 7919 % 1000) / 1000.0 * 5), 1) AS rainfall_mm,
                CASE WHEN range = 17 THEN 99999.0 ELSE 20 + (range % 13) END AS price
            FROM range(1000)
            """);
        var iqrFlagged = Convert.ToInt64(_db.Connection.ExecuteScalar("""
            WITH q AS (SELECT quantile_cont(rainfall_mm, 0.25) AS q1, quantile_cont(rainfall_mm, 0.75) AS q3 FROM sales)
            SELECT count(*) FROM sales, q WHERE rainfall_mm > q3 + 1.5 * (q3 - q1)
            """));

        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("sales"));

        Assert.True(iqrFlagged > 0, "The data was meant to have a tail that IQR fences flag.");
        Assert.Equal(0, report["rainfall_mm"].Outliers);
        Assert.Equal(1, report["price"].Outliers);
        var outlier = Assert.Single(report.Findings, f => f.Kind == "outliers");
        Assert.Equal("price", outlier.Column);
        Assert.Empty(report.Deductions);
    }

    [Fact]
    public void A_key_with_nulls_and_duplicates_is_deducted_with_what_to_do()
    {
        // 20 customers: one has no id, two share id 1; every name is unique.
        _db.Connection.Execute(
            "CREATE TABLE customers AS SELECT CASE WHEN range = 3 THEN NULL WHEN range = 2 THEN 1 ELSE range END AS customer_id, 'n' || range AS name FROM range(20)");

        var given = QualityAssessor.Assess(_db.Connection, new QualityRequest("customers", Key: ["customer_id"]));
        var proposed = QualityAssessor.Assess(_db.Connection, new QualityRequest("customers"));

        Assert.Contains(given.Deductions, d => d.Points == 10 && d.Reason.Contains("no value in the key (customer_id)") && d.Reason.Contains("fill the key"));
        Assert.Contains(given.Deductions, d => d.Points == 10 && d.Reason.Contains("repeat the key (customer_id)") && d.Reason.Contains("deduplicate"));
        Assert.Equal(80, given.Score);
        // The unique names are not a key by intent; the id column, nearly distinct, was meant to be one, so its faults are deducted too.
        Assert.Equal(["customer_id"], proposed.Key);
        Assert.Equal(80, proposed.Score);
    }

    [Fact]
    public void Nulls_outside_the_key_and_constant_columns_are_findings_that_cost_nothing()
    {
        _db.Connection.Execute("CREATE TABLE notes AS SELECT range AS id, CASE WHEN range % 2 = 0 THEN NULL ELSE 'n' || range END AS note, 'EUR' AS currency FROM range(100)");

        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("notes"));

        Assert.Equal(100, report.Score);
        Assert.Contains(report.Findings, f => f is { Column: "note", Kind: "nulls" } && f.Detail.StartsWith("50.0%", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f is { Column: "currency", Kind: "constant" });
    }

    [Fact]
    public void A_real_messy_file_scores_clearly_below_a_clean_one()
    {
        // birdstrikes.csv repeats 24 rows exactly and has no column that tells rows apart; the clean copy drops the repeats and numbers the rows.
        var messy = SharedData.Messy("birdstrikes.csv");
        _db.Connection.Execute($"CREATE TABLE messy AS SELECT * FROM read_csv('{messy.Replace("'", "''")}')");
        _db.Connection.Execute("CREATE TABLE clean AS SELECT row_number() OVER () AS strike_id, * FROM (SELECT DISTINCT * FROM messy)");

        var dirty = QualityAssessor.Assess(_db.Connection, new QualityRequest("messy"));
        var tidy = QualityAssessor.Assess(_db.Connection, new QualityRequest("clean"));

        Assert.Equal(100, tidy.Score);
        var duplicates = Assert.Single(dirty.Deductions);
        Assert.StartsWith("24 rows duplicate an earlier row exactly: remove the copies", duplicates.Reason);
        Assert.Equal(95, dirty.Score);
        // The empty speeds and the lack of a key are worth knowing, not deducted.
        Assert.Contains(dirty.Findings, f => f.Kind == "no_key");
        Assert.Contains(dirty.Findings, f => f is { Column: "Speed IAS in knots", Kind: "nulls" });
    }

    public void Dispose() => _db.Dispose();
}
