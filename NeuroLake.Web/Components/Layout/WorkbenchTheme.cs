using MudBlazor;

namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The workbench's MudBlazor theme. Fonts are the system's (a local-first tool must not fetch web fonts), and the
/// dark palette keeps WCAG AA contrast for body text on its surfaces.
/// </summary>
public static class WorkbenchTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static PaletteLight Light { get; } = new()
    {
        Primary = "#1565c0",
        Secondary = "#00838f",
        AppbarBackground = "#0d2b45",
        AppbarText = "#ffffff",
        Background = "#f7f9fb",
        Surface = "#ffffff",
        TextPrimary = "#1b1f24",
        TextSecondary = "#55606d",
        LinesDefault = "#d5dbe1",
        DrawerBackground = "#ffffff",
    };

    public static PaletteDark Dark { get; } = new()
    {
        Primary = "#64b5f6",
        Secondary = "#4dd0e1",
        AppbarBackground = "#10161d",
        AppbarText = "#e6edf3",
        Background = "#0d1117",
        Surface = "#161b22",
        TextPrimary = "#e6edf3",
        TextSecondary = "#9aa7b4",
        LinesDefault = "#30363d",
        DrawerBackground = "#11161c",
    };

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = Light,
        PaletteDark = Dark,
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
    };
}
