using MudBlazor;
using MudBlazor.Utilities;

namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The colours JavaScript-drawn content (plotly charts, the cytoscape lineage graph) needs to match the MudBlazor
/// theme, as CSS <c>rgba()</c> text: MudBlazor's own form is <c>#rrggbbaa</c>, which cytoscape and plotly do not read.
/// Cascaded by the layout; components re-draw when it changes.
/// </summary>
public sealed record WorkbenchPalette(bool IsDark, string Background, string Surface, string Text, string MutedText, string Lines, string Primary, string Secondary, string Error, string Warning, string Success)
{
    public static WorkbenchPalette Light { get; } = From(false, WorkbenchTheme.Light);

    public static WorkbenchPalette Dark { get; } = From(true, WorkbenchTheme.Dark);

    private static WorkbenchPalette From(bool dark, Palette palette) => new(
        dark, Css(palette.Background), Css(palette.Surface), Css(palette.TextPrimary), Css(palette.TextSecondary), Css(palette.LinesDefault),
        Css(palette.Primary), Css(palette.Secondary), Css(palette.Error), Css(palette.Warning), Css(palette.Success));

    private static string Css(MudColor colour) => colour.ToString(MudColorOutputFormats.RGBA);
}
