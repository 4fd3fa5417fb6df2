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
    /// <summary>The runs to draw, oldest first; a new list (or palette) redraws through Plotly.react. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<DurationPoint> Points { get; set; } = [];

    protected override object Options => new { zone = Clock.Zone.Id, palette = Colours };

    protected override string ModulePath => "./Components/Pages/Jobs/DurationTrendChart.razor.js";

    protected override IReadOnlyList<DurationPoint> CurrentPoints => Points;
}
