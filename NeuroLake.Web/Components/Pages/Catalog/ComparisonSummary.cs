using System.Globalization;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Tables.Compare;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>What a version comparison shows: the classified schema changes, the row counts in words and the row samples.</summary>
public sealed class ComparisonSummary
{
    public ComparisonSummary(VersionComparison comparison)
    {
        Comparison = comparison;
        SchemaChanges = SchemaComparer.Compare(comparison.FromSchema, comparison.ToSchema);
        Severity = SchemaComparer.Worst(SchemaChanges);
    }

    public VersionComparison Comparison { get; }

    public IReadOnlyList<SchemaChange> SchemaChanges { get; }

    /// <summary>The worst schema change (safe when none).</summary>
    public ChangeSeverity Severity { get; }

    /// <summary>E.g. "10 → 12 rows (+2)".</summary>
    public string RowCounts
    {
        get
        {
            var delta = Comparison.ToRowCount - Comparison.FromRowCount;
            var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
            return $"{N(Comparison.FromRowCount)} → {N(Comparison.ToRowCount)} rows ({sign}{N(Math.Abs(delta))})";
        }
    }

    /// <summary>E.g. "3 rows added (showing 3)" or null when rows were not compared.</summary>
    public string? AddedText => Comparison.Rows is { } rows ? Counted(rows.AddedCount, rows.Added.Count, "added") : null;

    public string? RemovedText => Comparison.Rows is { } rows ? Counted(rows.RemovedCount, rows.Removed.Count, "removed") : null;

    /// <summary>True when the versions hold the same rows and schema.</summary>
    public bool IsIdentical => SchemaChanges.Count == 0 && Comparison.Rows is { AddedCount: 0, RemovedCount: 0 };

    private static string Counted(long count, int shown, string what) =>
        count == shown ? $"{N(count)} row(s) {what}" : $"{N(count)} row(s) {what}, showing the first {N(shown)}";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
