namespace NeuroLake.Engine.Query.Advisor;

/// <summary>Thresholds of the advisor's rules.</summary>
public sealed class QueryAdvisorOptions
{
    /// <summary>Tables with at least this many columns are wide: SELECT * on them is flagged. Default 20.</summary>
    public int WideTableColumns { get; set; } = 20;

    /// <summary>Past queries of a table read from the history to find its most filtered columns. Default 200.</summary>
    public int HistoryQueries { get; set; } = 200;

    /// <summary>A column is a Z-order candidate once this many of those queries filtered on it. Default 3.</summary>
    public int ZOrderMinQueries { get; set; } = 3;
}
