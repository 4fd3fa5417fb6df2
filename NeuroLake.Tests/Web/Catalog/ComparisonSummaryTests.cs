using MudBlazor;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Tables.Compare;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class ComparisonSummaryTests
{
    private static readonly StructType IdOnly = new([new StructField("id", PrimitiveType.Long)]);

    [Fact]
    public void Schema_changes_are_classified_worst_first_with_their_badges_and_duckdb_type_names()
    {
        var before = new StructType([new StructField("id", PrimitiveType.Long, Nullable: false)]);
        var after = new StructType([new StructField("note", PrimitiveType.String), new StructField("id", PrimitiveType.Long)]);
        var summary = new ComparisonSummary(new VersionComparison(1, 2, before, after, 10, 10, Rows(0, 0), null));

        Assert.Equal(ChangeSeverity.Risky, summary.Severity);
        var lines = SchemaDiffView.Lines(summary.SchemaChanges);
        Assert.Equal(["id", "note"], lines.Select(l => l.Column));
        Assert.Equal(("risky", Color.Warning), (lines[0].BadgeText, lines[0].BadgeColor));
        Assert.Equal(("added (VARCHAR)", "safe", Color.Success), (lines[1].Change, lines[1].BadgeText, lines[1].BadgeColor));
        Assert.False(summary.IsIdentical);
    }

    [Fact]
    public void Row_counts_and_samples_are_described_with_how_many_are_shown()
    {
        var rows = new RowDifference(["id"], 250, 1, [[1L], [2L]], [[3L]]);
        var summary = new ComparisonSummary(new VersionComparison(2, 1, IdOnly, IdOnly, 1_000, 1_249, rows, null));

        Assert.Equal("1,000 → 1,249 rows (+249)", summary.RowCounts);
        Assert.Equal("250 row(s) added, showing the first 2", summary.AddedText);
        Assert.Equal("1 row(s) removed", summary.RemovedText);
        Assert.Empty(summary.SchemaChanges);
    }

    [Fact]
    public void Identical_versions_and_skipped_row_diffs_say_so()
    {
        Assert.True(new ComparisonSummary(new VersionComparison(1, 2, IdOnly, IdOnly, 5, 5, Rows(0, 0), null)).IsIdentical);

        var skipped = new ComparisonSummary(new VersionComparison(1, 2, IdOnly, IdOnly, 9, 7, null, "too big"));
        Assert.False(skipped.IsIdentical);
        Assert.Null(skipped.AddedText);
        Assert.Equal("9 → 7 rows (−2)", skipped.RowCounts);
    }

    private static RowDifference Rows(long added, long removed) => new(["id"], added, removed, [], []);
}
