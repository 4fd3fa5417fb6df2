using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// A result's chart settings: table or chart view, the chart kind and its X (any column) and Y (a numeric column)
/// columns. Kept by the run, like the grid's state, so the choice survives switching result tabs.
/// </summary>
public sealed class ResultChartState
{
    public ResultChartState(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
    {
        Columns = columns;
        NumericColumns = Enumerable.Range(0, columns.Count).Where(c => IsNumeric(rows, c)).ToList();
        YColumn = NumericColumns.Count > 0 ? NumericColumns[0] : null;
        var text = Enumerable.Range(0, columns.Count).Where(c => !NumericColumns.Contains(c)).Cast<int?>().FirstOrDefault();
        XColumn = columns.Count == 0 ? null : text ?? NumericColumns.FirstOrDefault(c => c != YColumn, 0);
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>Columns whose every non-NULL value is a number (and that have one); only they can be Y.</summary>
    public IReadOnlyList<int> NumericColumns { get; }

    /// <summary>True when the chart is shown instead of the grid.</summary>
    public bool ShowChart { get; set; }

    public ResultChartKind Kind { get; set; } = ResultChartKind.Bar;

    public int? XColumn { get; set; }

    public int? YColumn { get; set; }

    /// <summary>
    /// The figure of <paramref name="rows"/> (the grid's rows in its order); a line chart runs along X in order.
    /// Null when no Y column can be chosen.
    /// </summary>
    public ResultChartFigure? Figure(IReadOnlyList<GridRow> rows)
    {
        if (XColumn is not { } x || YColumn is not { } y || !NumericColumns.Contains(y))
        {
            return null;
        }

        IEnumerable<GridRow> ordered = Kind == ResultChartKind.Line
            ? rows.OrderBy(r => r.Values[x], ResultValueComparer.Instance)
            : rows;
        var points = ordered.Select(r => (X: ChartValues.Axis(r.Values[x]), Y: ChartValues.Number(r.Values[y]))).ToList();
        return new ResultChartFigure(Kind, Columns[x].Name, Columns[y].Name, points.Select(p => p.X).ToList(), points.Select(p => p.Y).ToList());
    }

    private static bool IsNumeric(IReadOnlyList<object?[]> rows, int column)
    {
        var any = false;
        foreach (var row in rows)
        {
            if (row[column] is { } value)
            {
                if (!ChartValues.IsNumber(value))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }
}
