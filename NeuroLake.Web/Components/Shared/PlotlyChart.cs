using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NeuroLake.Web.Components.Layout;

namespace NeuroLake.Web.Components.Shared;

/// <summary>
/// A chart drawn by a collocated JS module with the locally served plotly: the module's <c>init(container)</c> returns a
/// chart with <c>draw</c>, <c>update</c> and <c>dispose</c>. The chart is drawn after the first render and redrawn when
/// the points (a new list) or the cascaded palette change; a circuit that went away ends the drawing quietly.
/// </summary>
/// <typeparam name="TPoints">The points' list type; a new instance means new data.</typeparam>
public abstract class PlotlyChart<TPoints> : ComponentBase, IAsyncDisposable where TPoints : class
{
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private (TPoints Points, WorkbenchPalette Palette)? _drawn;
    private bool _disposed;

    /// <summary>The element the chart draws into; the derived component's markup binds it with <c>@ref</c>.</summary>
    protected ElementReference Container;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The theme's colours, cascaded by the layout; light when none is cascaded.</summary>
    [CascadingParameter]
    public WorkbenchPalette? Palette { get; set; }

    protected WorkbenchPalette Colours => Palette ?? WorkbenchPalette.Light;

    /// <summary>The module's path, e.g. <c>./Components/Pages/Jobs/DurationTrendChart.razor.js</c>.</summary>
    protected abstract string ModulePath { get; }

    /// <summary>The points shown now; compared by reference to decide on a redraw.</summary>
    protected abstract TPoints CurrentPoints { get; }

    /// <summary>The points as the module takes them.</summary>
    protected virtual object Data => CurrentPoints;

    /// <summary>The module's options (palette, zone, labels).</summary>
    protected abstract object Options { get; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                if (_disposed)
                {
                    return;
                }

                _chart = await _module.InvokeAsync<IJSObjectReference>("init", Container);
                await _chart.InvokeVoidAsync("draw", Data, Options);
                _drawn = (CurrentPoints, Colours);
            }
            else if (_chart is not null && _drawn is { } drawn && (!ReferenceEquals(drawn.Points, CurrentPoints) || drawn.Palette != Colours))
            {
                await _chart.InvokeVoidAsync("update", Data, Options);
                _drawn = (CurrentPoints, Colours);
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

        GC.SuppressFinalize(this);
    }
}
