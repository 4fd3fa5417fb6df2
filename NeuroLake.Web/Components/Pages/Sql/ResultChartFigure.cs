using System.Text.Json.Serialization;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>How a result is charted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultChartKind>))]
public enum ResultChartKind
{
    Bar,
    Line,
    Scatter,
}

/// <summary>What the result chart module draws: one series of points, x against y.</summary>
/// <param name="Kind">Bar, line or scatter.</param>
/// <param name="XTitle">The x column's name.</param>
/// <param name="YTitle">The y column's name.</param>
/// <param name="X">Numbers, ISO 8601 date text or other text; null where the value is NULL.</param>
/// <param name="Y">Numbers; null where the value is NULL (a gap).</param>
public sealed record ResultChartFigure(ResultChartKind Kind, string XTitle, string YTitle, IReadOnlyList<object?> X, IReadOnlyList<double?> Y)
{
    public int Points => X.Count;
}
