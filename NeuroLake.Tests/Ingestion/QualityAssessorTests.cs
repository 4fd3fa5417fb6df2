using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class QualityAssessorTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();

    private void Orders() => _db.Connection.Execute("""
        CREATE TABLE orders AS SELECT * FROM (VALUES
            (1, 'a', 10.0, 'x'), (2, 'b', 12.0, 'x'), (3, NULL, 11.0, 'x'), (4, 'b', 13.0, 'x'), (4, 'b', 13.0, 'x'),
            (6, 'c', 100.0, 'x'), (7, 'c', NULL, 'x'), (8, 'd', 12.0, 'x'), (9, NULL, 11.0, 'x'), (10, 'a', 12.0, 'x')
        ) t(id, cat, amount, flag)
        """);

    [Fact]
    public void Column_statistics_match_hand_computed_values()
    {
        Orders();
        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("orders", Key: ["id"]));
        Assert.Equal(10, report.RowCount);
        Assert.Equal((0L, 9L, "1", "10"), (report["id"].NullCount, report["id"].DistinctCount, report["id"].Min, report["id"].Max));
        Assert.Equal((2L, 20.0, 4L, "a", "d"), (report["cat"].NullCount, report["cat"].NullPercent, report["cat"].DistinctCount, report["cat"].Min, report["cat"].Max));
        var amount = report["amount"];
        Assert.Equal((1L, 5L), (amount.NullCount, amount.DistinctCount));
        // Sorted: 10 11 11 12 12 12 13 13 100 -> median 12, MAD 1; |x - 12| > 3.5 / 0.6745 = 5.189 is an outlier.
        // One wild value makes the moment skewness high but leaves the quartiles (11, 12, 13) even, so no log scale.
        Assert.Equal(ColumnSemantic.Measure, amount.Semantic);
        Assert.Equal(12 - 3.5 / 0.6745, amount.LowerFence!.Value, 6);
        Assert.Equal(12 + 3.5 / 0.6745, amount.UpperFence!.Value, 6);
        Assert.Equal(1L, amount.Outliers);
        // An id gets no fences: its spread is its purpose.
        Assert.Equal((ColumnSemantic.Identifier, (long?)null), (report["id"].Semantic, report["id"].Outliers));
        Assert.Null(report["cat"].Outliers);
        Assert.Equal(1L, report["flag"].DistinctCount);
    }

    [Fact]
    public void Duplicates_and_score_match_hand_computed_values()
    {
        Orders();
        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("orders", Key: ["id"]));
        Assert.Equal(1, report.DuplicateRows);
        Assert.Equal(1, report.KeyDuplicateRows);
        Assert.False(report.KeyIsProposed);
        // Only what needs fixing costs points, 5 for being there plus 100 x the share: duplicate rows 1/10 -> 15,
        // key duplicates 1/10 -> 15. Nulls in 'cat' (20%), the outlier in 'amount' and the constant 'flag' are findings.
        Assert.Equal([15, 15], report.Deductions.Select(d => d.Points));
        Assert.Equal(70, report.Score);
        Assert.Contains(report.Findings, f => f is { Column: "cat", Kind: "nulls" });
        Assert.Contains(report.Findings, f => f is { Column: "amount", Kind: "outliers" });
        Assert.Contains(report.Findings, f => f is { Column: "flag", Kind: "constant" });
    }

    [Fact]
    public void Proposed_key_prefers_an_id_column_and_falls_back_to_a_pair()
    {
        _db.Connection.Execute("CREATE TABLE users AS SELECT 'user ' || range AS display, range * 3 AS user_id, range % 2 AS half FROM range(50)");
        var users = QualityAssessor.Assess(_db.Connection, new QualityRequest("users"));
        Assert.Equal(["user_id"], users.Key);
        Assert.True(users.KeyIsProposed);

        _db.Connection.Execute("CREATE TABLE lines AS SELECT range // 3 AS order_id, range % 3 AS line_no, 5.0 AS price FROM range(30)");
        var lines = QualityAssessor.Assess(_db.Connection, new QualityRequest("lines"));
        Assert.Equal(["order_id", "line_no"], lines.Key);
        Assert.Equal(0, lines.KeyDuplicateRows);
        Assert.DoesNotContain(lines.Deductions, d => d.Reason.Contains("unique"));
    }

    [Fact]
    public void Parse_failures_are_counted_from_raw_columns_and_lower_the_score()
    {
        _db.Connection.Execute("CREATE TABLE raw AS SELECT * FROM (VALUES ('1', '2024-01-02'), ('2', 'soon'), ('3', NULL), ('4', 'never')) t(id, due)");
        var columns = new List<ProposedColumn>
        {
            new("id", "id", new("id", "BIGINT", ReadAsText: true), "BIGINT", false, ParseMethod.Cast),
            new("due", "due", new("due", "DATE", ReadAsText: true), "DATE", true, ParseMethod.Cast),
        };
        var relation = $"({SourceSelect.Build(columns, "raw", includeRaw: true)})";
        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest(relation));
        Assert.Equal(2, report["due"].ParseFailures);
        Assert.Equal(0, report["id"].ParseFailures);
        Assert.Equal(2, report.RowsWithParseFailures);
        Assert.Equal(["id", "due"], report.Columns.Select(c => c.Name));
        Assert.Contains(report.Deductions, d => d.Points == 30 && d.Reason.Contains("'due' (2)"));
    }

    [Fact]
    public void Big_relations_use_approximate_distinct_counts()
    {
        _db.Connection.Execute("CREATE TABLE big AS SELECT range AS id, range % 1000 AS bucket FROM range(5000)");
        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("big", ExactDistinctUpToRows: 1000));
        Assert.True(report["bucket"].DistinctIsApproximate);
        // HyperLogLog: close, not exact.
        Assert.InRange(report["bucket"].DistinctCount, 700, 1300);
        Assert.Equal(["id"], report.Key);
    }

    [Fact]
    public void Big_relations_count_duplicates_key_duplicates_and_outliers_as_exactly_as_small_ones()
    {
        // Above the exact threshold the counts run as GROUP BYs that DuckDB can spill; the answers must not change.
        _db.Connection.Execute(
            "CREATE TABLE dupes AS SELECT range % 4900 AS id, CASE WHEN range = 7 THEN 1e9 ELSE range % 50 END AS amount, 'x' || (range % 4900 % 7) AS label FROM range(5000)");

        var exact = QualityAssessor.Assess(_db.Connection, new QualityRequest("dupes", Key: ["id"]));
        var big = QualityAssessor.Assess(_db.Connection, new QualityRequest("dupes", Key: ["id"], ExactDistinctUpToRows: 1000));

        Assert.Equal((exact.DuplicateRows, exact.KeyDuplicateRows, exact["amount"].Outliers), (big.DuplicateRows, big.KeyDuplicateRows, big["amount"].Outliers));
        Assert.True(big.KeyDuplicateRows > 0 && big.DuplicateRows > 0 && big["amount"].Outliers > 0, "The data was meant to hold duplicates and an outlier.");
    }

    [Fact]
    public void A_key_column_missing_from_the_relation_is_refused_with_the_choices()
    {
        Orders();
        var error = Assert.Throws<NeuroLake.Engine.Ingestion.IngestionException>(
            () => QualityAssessor.Assess(_db.Connection, new QualityRequest("orders", Key: ["order_id"])));
        Assert.Contains("'order_id'", error.Message);
        Assert.Contains("id, cat, amount, flag", error.Message);
    }

    [Fact]
    public void A_known_row_count_is_used_as_given()
    {
        Orders();
        var report = QualityAssessor.Assess(_db.Connection, new QualityRequest("orders", RowCount: 10));
        Assert.Equal(10, report.RowCount);
        Assert.Equal(20.0, report["cat"].NullPercent);
    }

    public void Dispose() => _db.Dispose();
}
