using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>
/// Plotly charts of the file cache's samples: hit rate per interval above, evictions per interval below, on one time
/// axis (UTC), drawn by the collocated module with the locally served plotly.
/// </summary>
public partial class CacheHistoryChart
{
    /// <summary>The samples, oldest first; a new list (or palette) redraws through Plotly.react. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<CacheSample> Samples { get; set; } = [];

    /// <summary>The range the samples were asked for: the time axis spans it, so a few samples sit where they belong in it. Required.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset From { get; set; }

    /// <summary>The end of the range; see <see cref="From"/>. Required.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset To { get; set; }

    // Plotly reads zone-less "yyyy-MM-dd HH:mm:ss" text as wall time; the axis says it is UTC.
    protected override object Data => Samples.Select(s => new
    {
        at = Text(s.TakenAt),
        hitRate = s.HitRate is { } r ? r * 100 : (double?)null,
        evictions = s.Evictions,
    }).ToList();

    protected override object Options => new { palette = Colours, from = Text(From), to = Text(To) };

    protected override string ModulePath => "./Components/Pages/Storage/CacheHistoryChart.razor.js";

    protected override IReadOnlyList<CacheSample> CurrentPoints => Samples;

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
