using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NeuroLake.Engine.Cost;
using NeuroLake.Web.Components.Layout;

namespace NeuroLake.Web.Components.Pages.Cost;

/// <summary>
/// Plotly band of a daily cost forecast: the expected cost per day as a line inside its prediction interval, drawn by
/// the collocated module with the locally served plotly.
/// </summary>
public partial class CostForecastChart
{
    /// <summary>The forecast days, first to last; a new list (or palette) redraws through Plotly.react. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ForecastPoint> Points { get; set; } = [];

    /// <summary>ISO 4217 code of the amounts, for the axis title. Required.</summary>
    [Parameter, EditorRequired]
    public string Currency { get; set; } = "";

    /// <summary>The interval's confidence (e.g. 0.95), for the legend. Required.</summary>
    [Parameter, EditorRequired]
    public double Confidence { get; set; }

    protected override object Data => Points.Select(p => new { day = p.Day.ToString("yyyy-MM-dd"), expected = p.Expected, low = p.Low, high = p.High }).ToList();

    protected override object Options => new { currency = Currency, confidence = Confidence, palette = Colours };

    protected override string ModulePath => "./Components/Pages/Cost/CostForecastChart.razor.js";

    protected override IReadOnlyList<ForecastPoint> CurrentPoints => Points;
}
