using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NeuroLake.Web.Components.Layout;

namespace NeuroLake.Web.Components.Pages.Jobs;

/// <summary>
/// Plotly chart of run durations over time, one marker colour and shape per status, drawn by the collocated module
/// (plotly served from our own origin, so the Content-Security-Policy needs no inline script).
/// </summary>
public partial class DurationTrendChart
{
    private ElementReference _container;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private (IReadOnlyList<DurationPoint> Points, WorkbenchPalette Palette)? _drawn;
    private bool _disposed;

    /// <summary>The runs to draw, oldest first; a new list (or palette) redraws through Plotly.react. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<DurationPoint> Points { get; set; } = [];

    /// <summary>The theme's colours, cascaded by the layout; light when none is cascaded.</summary>
    [CascadingParameter]
    public WorkbenchPalette? Palette { get; set; }

    private WorkbenchPalette Colours => Palette ?? WorkbenchPalette.Light;

    private object Options => new { zone = Clock.Zone.Id, palette = Colours };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Jobs/DurationTrendChart.razor.js");
                if (_disposed)
                {
                    return;
                }

                _chart = await _module.InvokeAsync<IJSObjectReference>("init", _container);
                await _chart.InvokeVoidAsync("draw", Points, Options);
                _drawn = (Points, Colours);
            }
            else if (_chart is not null && _drawn is { } drawn && (!ReferenceEquals(drawn.Points, Points) || drawn.Palette != Colours))
            {
                await _chart.InvokeVoidAsync("update", Points, Options);
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
