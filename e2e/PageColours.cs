namespace NeuroLake.E2E;

/// <summary>Colour checks the theme tests share.</summary>
internal static class PageColours
{
    /// <summary>A JS function answering the relative luminance (0 black, 1 white) of the body's computed background.</summary>
    public const string BackgroundLuminance = """
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).map(Number);
            const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        }
        """;
}
