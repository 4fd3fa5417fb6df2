namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>A few rows to show: column names and values as DuckDB returned them.</summary>
public sealed record RowPage(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static RowPage Empty { get; } = new([], []);
}
