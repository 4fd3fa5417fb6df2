using NeuroLake.Engine.Catalog.Quality;

namespace NeuroLake.Engine.Ingestion.Quality;

/// <summary>Quality of one column.</summary>
/// <param name="Name">Column name in the relation.</param>
/// <param name="DuckDbType">DuckDB type.</param>
/// <param name="NullCount">Rows where the value is NULL.</param>
/// <param name="NullPercent">NullCount as a percentage of the rows (0 when there are none).</param>
/// <param name="DistinctCount">Distinct non-null values, approximate when <paramref name="DistinctIsApproximate"/>.</param>
/// <param name="DistinctIsApproximate">True when the relation was too big for an exact count (HyperLogLog).</param>
/// <param name="Min">Smallest value as text; null for nested types or when every value is NULL.</param>
/// <param name="Max">Largest value as text.</param>
/// <param name="ParseFailures">Values present in the source that did not parse; 0 when the column has no raw counterpart.</param>
/// <param name="Outliers">Values outside the robust fences; null for columns without fences (see <paramref name="Semantic"/>).</param>
/// <param name="LowerFence">Values below are outliers (modified z-score above 3.5, on ln(1 + x) for skewed measures); null without fences.</param>
/// <param name="UpperFence">Values above are outliers; null without fences.</param>
/// <param name="Semantic">What the values mean for outliers: coordinates, flags, ids and constants get no fences.</param>
/// <param name="Skewness">Sample skewness of a measure; null for other columns.</param>
public sealed record ColumnQuality(
    string Name,
    string DuckDbType,
    long NullCount,
    double NullPercent,
    long DistinctCount,
    bool DistinctIsApproximate,
    string? Min,
    string? Max,
    long ParseFailures,
    long? Outliers,
    double? LowerFence,
    double? UpperFence,
    ColumnSemantic Semantic = ColumnSemantic.Other,
    double? Skewness = null);

/// <summary>Quality of a relation (a sample before loading or a whole table after).</summary>
/// <param name="RowCount">Rows in the relation.</param>
/// <param name="Columns">Per-column quality, in relation order (raw and parse-flag columns left out).</param>
/// <param name="DuplicateRows">Rows that repeat an earlier row exactly (a row appearing 3 times counts 2).</param>
/// <param name="RowsWithParseFailures">Rows where at least one value did not parse.</param>
/// <param name="Key">The requested key, or the proposed one: the narrowest column(s) unique and non-null here; empty when none.</param>
/// <param name="KeyIsProposed">True when <paramref name="Key"/> was proposed rather than given.</param>
/// <param name="KeyDuplicateRows">Rows that repeat an earlier row's key.</param>
/// <param name="Score">0 to 100: lowered only by <paramref name="Deductions"/>.</param>
/// <param name="Deductions">What a user must act on (parse failures, key nulls and duplicates, duplicate rows), largest first.</param>
public sealed record QualityReport(
    long RowCount,
    IReadOnlyList<ColumnQuality> Columns,
    long DuplicateRows,
    long RowsWithParseFailures,
    IReadOnlyList<string> Key,
    bool KeyIsProposed,
    long KeyDuplicateRows,
    int Score,
    IReadOnlyList<QualityDeduction> Deductions)
{
    /// <summary>What is worth knowing but costs no points (outliers, skew, nulls outside the key, constant columns).</summary>
    public IReadOnlyList<QualityFinding> Findings { get; init; } = [];

    /// <summary>
    /// Null when every row was assessed. Otherwise the rows of the sample that distinct counts, the key, duplicates and
    /// outliers were measured on; <see cref="RowCount"/>, null counts and (where the file statistics hold them) min/max stay exact.
    /// </summary>
    public long? SampledRows { get; init; }

    /// <summary>" in a sample of N rows" for figures measured on a sample, else empty.</summary>
    internal string SampleNote => SampledRows is { } n ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" in a sample of {n} rows") : "";

    public ColumnQuality this[string name] => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No column '{name}' was assessed.");
}
