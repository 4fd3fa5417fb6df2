namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>Tags as typed in one box, separated by commas.</summary>
public static class TagList
{
    /// <summary>
    /// The comma-separated tags, trimmed; blank text means no tags. An empty entry ("a,,b") is kept, so the catalog
    /// refuses it with its message rather than the page silently dropping part of what was typed.
    /// </summary>
    public static IReadOnlyList<string> Parse(string text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',').Select(t => t.Trim()).ToList();
}
