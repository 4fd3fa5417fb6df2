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
    private ElementReference _container;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private (IReadOnlyList<ForecastPoint> Points, WorkbenchPalette Palette)? _drawn;
    private bool _disposed;

    /// <summary>The forecast days, first to last; a new list (or palette) redraws through Plotly.react. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ForecastPoint> Points { get; set; } = [];

    /// <summary>ISO 4217 code of the amounts, for the axis title. Required.</summary>
    [Parameter, EditorRequired]
    public string Currency { get; set; } = "";

    /// <summary>The interval's confidence (e.g. 0.95), for the legend. Required.</summary>
    [Parameter, EditorRequired]
    public double Confidence { get; set; }

    /// <summary>The theme's colours, cascaded by the layout; light when none is cascaded.</summary>
    [CascadingParameter]
    public WorkbenchPalette? Palette { get; set; }

    private WorkbenchPalette Colours => Palette ?? WorkbenchPalette.Light;

    private object Data => Points.Select(p => new { day = p.Day.ToString("yyyy-MM-dd"), expected = p.Expected, low = p.Low, high = p.High }).ToList();

    private object Options => new { currency = Currency, confidence = Confidence, palette = Colours };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Cost/CostForecastChart.razor.js");
                if (_disposed)
                {
                    return;
                }

                _chart = await _module.InvokeAsync<IJSObjectReference>("init", _container);
                await _chart.InvokeVoidAsync("draw", Data, Options);
                _drawn = (Points, Colours);
            }
            else if (_chart is not null && _drawn is { } drawn && (!ReferenceEquals(drawn.Points, Points) || drawn.Palette != Colours))
            {
                await _chart.InvokeVoidAsync("update", Data, Options);
                _drawn = (Points, Colours);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away; nothing left to draw on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_chart is not null)
            {
                await _chart.InvokeVoidAsync("dispose");
                await _chart.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // On Blazor Server the circuit may already be gone.
        }
    }
}
