namespace NeuroLake.Engine.Tables.Compare;

/// <summary>How far a version comparison goes.</summary>
public sealed record CompareOptions
{
    /// <summary>
    /// Rows are diffed (EXCEPT ALL over both versions) only when neither version holds more rows than this; above it the
    /// comparison has counts only. Default 1,000,000. Must not be negative; 0 never diffs rows.
    /// </summary>
    public long MaxRowsForRowDiff { get; init; } = 1_000_000;

    /// <summary>At most this many added and this many removed rows are returned as samples (default 100; counts are exact).</summary>
    public int SampleRows { get; init; } = 100;
}
