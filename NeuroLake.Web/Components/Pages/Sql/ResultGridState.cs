using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Api;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>A row as the grid shows it: its position in the current order and its values.</summary>
public sealed record GridRow(int Position, object?[] Values);

/// <summary>How the grid is ordered.</summary>
public enum GridSort
{
    /// <summary>The order the query returned.</summary>
    None,
    Ascending,
    Descending,
}

/// <summary>
/// The results grid's logic: column sorting (stable; NULLs last in both directions) and the selected cell, which the
/// arrow keys move and Ctrl+C copies (Ctrl+Shift+C its row).
/// </summary>
public sealed class ResultGridState
{
    private readonly IReadOnlyList<object?[]> _rows;

    public ResultGridState(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
    {
        Columns = columns;
        _rows = rows;
        View = Order();
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The rows in the current order (a list, as Virtualize wants).</summary>
    public List<GridRow> View { get; private set; }

    /// <summary>The column the rows are sorted by; null when <see cref="Sort"/> is <see cref="GridSort.None"/>.</summary>
    public int? SortColumn { get; private set; }

    public GridSort Sort { get; private set; }

    /// <summary>The selected cell as (view position, column), or null.</summary>
    public (int Row, int Column)? Selected { get; private set; }

    /// <summary>Sorts by <paramref name="column"/>: ascending first, then descending, then back to the query's order.</summary>
    public void ToggleSort(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns.Count);
        (SortColumn, Sort) = SortColumn != column ? (column, GridSort.Ascending)
            : Sort == GridSort.Ascending ? (column, GridSort.Descending)
            : ((int?)null, GridSort.None);
        View = Order();
        Selected = null;
    }

    /// <summary>The value of the <c>aria-sort</c> attribute for a column header.</summary>
    public string AriaSort(int column) => SortColumn != column ? "none" : Sort == GridSort.Ascending ? "ascending" : "descending";

    public void Select(int row, int column)
    {
        if (View.Count == 0 || Columns.Count == 0)
        {
            Selected = null;
            return;
        }

        Selected = (Math.Clamp(row, 0, View.Count - 1), Math.Clamp(column, 0, Columns.Count - 1));
    }

    /// <summary>Moves the selection by whole cells, staying inside the grid; selects the first cell when none is.</summary>
    public void Move(int rows, int columns)
    {
        var (row, column) = Selected ?? (0, 0);
        Select(Selected is null ? 0 : row + rows, Selected is null ? 0 : column + columns);
    }

    public bool IsSelected(int row, int column) => Selected == (row, column);

    /// <summary>The selected cell's text, as the grid shows it; null when nothing is selected.</summary>
    public string? SelectedText => Selected is var (row, column) ? ResultValueText.Format(View[row].Values[column]) : null;

    /// <summary>
    /// The selected cell's row as one line of tab-separated values, as spreadsheets paste it: NULL is an empty field,
    /// a value holding a tab, line break or double quote is quoted (quotes doubled). Null when nothing is selected.
    /// </summary>
    public string? SelectedRowText => Selected is var (row, _) ? TabSeparated.Line(View[row].Values) : null;

    private List<GridRow> Order()
    {
        IEnumerable<object?[]> rows = _rows;
        if (SortColumn is { } column)
        {
            rows = Sort == GridSort.Ascending
                ? rows.OrderBy(r => r[column], ResultValueComparer.Instance)
                : rows.OrderByDescending(r => r[column], NullsLast.Instance);
        }

        return rows.Select((values, position) => new GridRow(position, values)).ToList();
    }

    /// <summary>Descending order reverses values but keeps NULLs at the end.</summary>
    private sealed class NullsLast : IComparer<object?>
    {
        public static NullsLast Instance { get; } = new();

        public int Compare(object? x, object? y) =>
            x is null || y is null ? -ResultValueComparer.Instance.Compare(x, y) : ResultValueComparer.Instance.Compare(x, y);
    }
}
