namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The colours JavaScript-drawn content (plotly charts, the cytoscape lineage graph) needs to match the MudBlazor
/// theme. Cascaded by the layout; components re-draw when it changes.
/// </summary>
public sealed record WorkbenchPalette(bool IsDark, string Background, string Surface, string Text, string MutedText, string Lines, string Primary, string Secondary, string Error, string Warning, string Success)
{
    public static WorkbenchPalette Light { get; } = new(false, WorkbenchTheme.Light.Background.ToString(), WorkbenchTheme.Light.Surface.ToString(),
        WorkbenchTheme.Light.TextPrimary.ToString(), WorkbenchTheme.Light.TextSecondary.ToString(), WorkbenchTheme.Light.LinesDefault.ToString(),
        WorkbenchTheme.Light.Primary.ToString(), WorkbenchTheme.Light.Secondary.ToString(), WorkbenchTheme.Light.Error.ToString(),
        WorkbenchTheme.Light.Warning.ToString(), WorkbenchTheme.Light.Success.ToString());

    public static WorkbenchPalette Dark { get; } = new(true, WorkbenchTheme.Dark.Background.ToString(), WorkbenchTheme.Dark.Surface.ToString(),
        WorkbenchTheme.Dark.TextPrimary.ToString(), WorkbenchTheme.Dark.TextSecondary.ToString(), WorkbenchTheme.Dark.LinesDefault.ToString(),
        WorkbenchTheme.Dark.Primary.ToString(), WorkbenchTheme.Dark.Secondary.ToString(), WorkbenchTheme.Dark.Error.ToString(),
        WorkbenchTheme.Dark.Warning.ToString(), WorkbenchTheme.Dark.Success.ToString());
}
